package devtemporal

import (
	"fmt"
	"log/slog"
	"net"
	"strconv"

	uiserver "github.com/temporalio/ui-server/v2/server"
	uiconfig "github.com/temporalio/ui-server/v2/server/config"
	uioptions "github.com/temporalio/ui-server/v2/server/server_options"
)

// startUI serves the Temporal web UI at addr (host:port) over the embedded server's frontend.
func startUI(addr, frontend, namespace string, log *slog.Logger) (*uiserver.Server, error) {
	host, portText, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("temporal UI address %q: %w", addr, err)
	}
	port, err := strconv.Atoi(portText)
	if err != nil {
		return nil, fmt.Errorf("temporal UI address %q: bad port", addr)
	}
	if l, err := net.Listen("tcp", addr); err != nil {
		return nil, fmt.Errorf("temporal UI: %s is taken (set BULLPEN_TEMPORAL_UI_ADDR, or off): %w", addr, err)
	} else {
		_ = l.Close()
	}
	ui := uiserver.NewServer(uioptions.WithConfigProvider(&uiconfig.Config{
		Host: host, Port: port, TemporalGRPCAddress: frontend, EnableUI: true, DefaultNamespace: namespace,
		CORS: uiconfig.CORS{CookieInsecure: true}, HideLogs: true, DisableNewsFetch: true,
	}))
	go func() {
		if err := ui.Start(); err != nil {
			log.Error("temporal UI stopped", "error", err)
		}
	}()
	return ui, nil
}
