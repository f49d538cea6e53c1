// Package devtemporal runs a single-process Temporal server for `bullpen dev`: all four services in this
// process, persisted in one SQLite file (WAL mode), its frontend on a fixed address so that the standard
// `temporal` CLI can inspect workflows. It is for one machine, not for production.
package devtemporal

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"go.temporal.io/server/common/cluster"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/membership/static"
	sqliteplugin "go.temporal.io/server/common/persistence/sql/sqlplugin/sqlite"
	"go.temporal.io/server/common/primitives"
	sqliteschema "go.temporal.io/server/schema/sqlite"
	"go.temporal.io/server/temporal"
)

// Options configure the embedded server.
type Options struct {
	// DatabaseFile is the SQLite file that holds Temporal's workflows and their histories; created with its
	// schema if missing. A fresh folder also gets a second file beside it for visibility (the list of
	// workflows), DatabaseFile with "-visibility" before its extension: SQLite takes one writer at a time per
	// file, and the visibility rows every workflow start and close writes then no longer queue behind the
	// histories. A folder made before keeps visibility in DatabaseFile.
	DatabaseFile string
	// IP and Port of the frontend's gRPC endpoint (127.0.0.1:7233 by default).
	IP   string
	Port int
	// Namespace is registered at start if missing.
	Namespace string
	// UIAddr is where the Temporal web UI listens (host:port); empty for none.
	UIAddr string
	// Log receives the server's warnings and errors.
	Log *slog.Logger
}

// Server is a running embedded Temporal server.
type Server struct {
	server   temporal.Server
	ui       interface{ Stop() }
	address  string
	stopping *atomic.Bool
}

// Start sets up the database if needed, starts the server and returns once it accepts connections.
func Start(opts Options) (*Server, error) {
	if opts.IP == "" {
		opts.IP = "127.0.0.1"
	}
	if opts.Port == 0 {
		opts.Port = 7233
	}
	if opts.Namespace == "" {
		opts.Namespace = "default"
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	if opts.DatabaseFile == "" {
		return nil, errors.New("embedded temporal: a database file is required")
	}
	if err := os.MkdirAll(filepath.Dir(opts.DatabaseFile), 0o750); err != nil {
		return nil, fmt.Errorf("embedded temporal: %w", err)
	}
	address := net.JoinHostPort(opts.IP, strconv.Itoa(opts.Port))
	if l, err := net.Listen("tcp", address); err != nil {
		return nil, fmt.Errorf("embedded temporal: %s is taken (is another bullpen dev or temporal server running? set BULLPEN_TEMPORAL_PORT): %w", address, err)
	} else {
		_ = l.Close()
	}

	sqlConf := &config.SQL{
		PluginName:   sqliteplugin.PluginName,
		DatabaseName: opts.DatabaseFile,
		ConnectAttributes: map[string]string{
			"mode": "rwc", "journal_mode": "wal", "synchronous": "1", "busy_timeout": "10000",
		},
		// SQLite in WAL mode: readers beside the one writer. More connections than cores keeps readers
		// from queueing behind a write (docs/benchmarks.md has the measurements).
		MaxConns:     8,
		MaxIdleConns: 8,
	}
	_, err := os.Stat(opts.DatabaseFile)
	fresh := os.IsNotExist(err)
	if fresh {
		if err := sqliteschema.SetupSchema(sqlConf); err != nil {
			return nil, fmt.Errorf("embedded temporal: set up schema: %w", err)
		}
	}
	visConf := sqlConf
	visFile := VisibilityFile(opts.DatabaseFile)
	_, err = os.Stat(visFile)
	if visFresh := os.IsNotExist(err); fresh || !visFresh {
		c := *sqlConf
		c.DatabaseName, c.MaxConns, c.MaxIdleConns = visFile, 2, 2
		visConf = &c
		if visFresh {
			if err := sqliteschema.SetupSchema(visConf); err != nil {
				return nil, fmt.Errorf("embedded temporal: set up visibility schema: %w", err)
			}
		}
	}
	ns, err := sqliteschema.NewNamespaceConfig("active", opts.Namespace, false, nil)
	if err != nil {
		return nil, fmt.Errorf("embedded temporal: %w", err)
	}
	if err := sqliteschema.CreateNamespaces(sqlConf, ns); err != nil {
		return nil, fmt.Errorf("embedded temporal: register namespace: %w", err)
	}

	conf, err := serverConfig(opts, sqlConf, visConf)
	if err != nil {
		return nil, err
	}
	hosts := map[primitives.ServiceName]static.Hosts{}
	for name, svc := range conf.Services {
		hosts[primitives.ServiceName(name)] = static.SingleLocalHost(net.JoinHostPort(opts.IP, strconv.Itoa(svc.RPC.GRPCPort)))
	}
	dyn := dynamicconfig.StaticClient{
		dynamicconfig.HistoryCacheHostLevelMaxSize.Key():                 4096,
		dynamicconfig.FrontendMaxNamespaceVisibilityRPSPerInstance.Key(): 100,
		// One process, one host: a task queue split into partitions only adds forwarding between them.
		dynamicconfig.MatchingNumTaskqueueReadPartitions.Key():  1,
		dynamicconfig.MatchingNumTaskqueueWritePartitions.Key(): 1,
	}
	stopping := &atomic.Bool{}
	srv, err := temporal.NewServer(
		temporal.WithConfig(conf),
		temporal.ForServices(temporal.DefaultServices),
		temporal.WithStaticHosts(hosts),
		temporal.WithLogger(newLogger(opts.Log, stopping)),
		temporal.WithDynamicConfigClient(dyn),
	)
	if err != nil {
		return nil, fmt.Errorf("embedded temporal: %w", err)
	}
	if err := srv.Start(); err != nil {
		return nil, fmt.Errorf("embedded temporal: start: %w", err)
	}
	s := &Server{server: srv, address: address, stopping: stopping}
	if err := s.waitReady(30 * time.Second); err != nil {
		_ = srv.Stop()
		return nil, err
	}
	if opts.UIAddr != "" {
		ui, err := startUI(opts.UIAddr, address, opts.Namespace, opts.Log)
		if err != nil {
			_ = srv.Stop()
			return nil, err
		}
		s.ui = ui
	}
	return s, nil
}

// Address is the frontend's host:port for clients.
func (s *Server) Address() string { return s.address }

// Stop shuts the web UI and the server down.
func (s *Server) Stop() error {
	s.stopping.Store(true)
	if s.ui != nil {
		s.ui.Stop()
	}
	return s.server.Stop()
}

func (s *Server) waitReady(limit time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	for {
		c, err := (&net.Dialer{}).DialContext(ctx, "tcp", s.address)
		if err == nil {
			return c.Close()
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("embedded temporal: frontend not up after %s: %w", limit, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// VisibilityFile is the SQLite file beside databaseFile that holds the embedded server's visibility.
func VisibilityFile(databaseFile string) string {
	ext := filepath.Ext(databaseFile)
	return strings.TrimSuffix(databaseFile, ext) + "-visibility" + ext
}

func serverConfig(opts Options, sqlConf, visConf *config.SQL) (*config.Config, error) {
	var conf config.Config
	conf.Global.Membership.MaxJoinDuration = 30 * time.Second
	conf.Global.Membership.BroadcastAddress = opts.IP
	conf.Persistence.DefaultStore = "sqlite"
	conf.Persistence.VisibilityStore = "sqlite"
	conf.Persistence.NumHistoryShards = 1
	conf.Persistence.DataStores = map[string]config.DataStore{"sqlite": {SQL: sqlConf}}
	if visConf != sqlConf {
		conf.Persistence.VisibilityStore = "sqlite-visibility"
		conf.Persistence.DataStores["sqlite-visibility"] = config.DataStore{SQL: visConf}
	}
	httpPort, err := freePort(opts.IP)
	if err != nil {
		return nil, err
	}
	conf.ClusterMetadata = &cluster.Config{
		FailoverVersionIncrement: 10,
		MasterClusterName:        "active",
		CurrentClusterName:       "active",
		ClusterInformation: map[string]cluster.ClusterInformation{"active": {
			Enabled:                true,
			InitialFailoverVersion: 1,
			RPCAddress:             net.JoinHostPort(opts.IP, strconv.Itoa(opts.Port)),
			HTTPAddress:            net.JoinHostPort(opts.IP, strconv.Itoa(httpPort)),
		}},
	}
	conf.DCRedirectionPolicy.Policy = "noop"
	conf.Services = map[string]config.Service{}
	for _, name := range []string{"frontend", "history", "matching", "worker"} {
		var svc config.Service
		svc.RPC.BindOnIP = opts.IP
		if name == "frontend" {
			svc.RPC.GRPCPort, svc.RPC.HTTPPort = opts.Port, httpPort
		} else if svc.RPC.GRPCPort, err = freePort(opts.IP); err != nil {
			return nil, err
		}
		conf.Services[name] = svc
	}
	conf.Archival.History.State = "disabled"
	conf.Archival.Visibility.State = "disabled"
	conf.NamespaceDefaults.Archival.History.State = "disabled"
	conf.NamespaceDefaults.Archival.Visibility.State = "disabled"
	conf.PublicClient.HostPort = net.JoinHostPort(opts.IP, strconv.Itoa(opts.Port))
	return &conf, nil
}

func freePort(ip string) (int, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(ip, "0"))
	if err != nil {
		return 0, fmt.Errorf("embedded temporal: no free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
