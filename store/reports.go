package store

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/bullpen-hq/bullpen/models"
)

// StageStat is one stage of the pipeline report.
type StageStat struct {
	Stage models.Stage
	// Current is how many applications stand in the stage now; Reached how many ever entered it.
	Current, Reached int
	// PassThrough is the share of those who reached the stage that reached the next one (nil for the last).
	PassThrough *float64
	// MedianHours is the median time an application spent in the stage before leaving it (nil if none left).
	MedianHours *float64
}

// SourceStat is how well one source of candidates did.
type SourceStat struct {
	Source       models.Source
	Applications int
	// Screened reached screening (passed the questionnaire); Interviewed reached the first interview.
	Screened, Interviewed, Hired int
}

// PipelineReport is the recruiting report of one opening or all of them.
type PipelineReport struct {
	Total                   int
	Stages                  []StageStat
	Closed                  map[models.Stage]int
	Sources                 []SourceStat
	MedianFirstContactHours *float64
	Contacted               int
}

// Report computes the pipeline report of one opening (openingID > 0) or of all openings.
func (db *DB) Report(ctx context.Context, openingID int64) (*PipelineReport, error) {
	q := db.with(ctx).Model(&applicationRecord{})
	if openingID > 0 {
		q = q.Where("opening_id = ?", openingID)
	}
	var apps []applicationRecord
	if err := q.Select("id, stage, source, created_at, first_contact_at").Find(&apps).Error; err != nil {
		return nil, err
	}
	type step struct {
		stage models.Stage
		at    time.Time
	}
	paths := map[int64][]step{}
	evq := db.with(ctx).Model(&applicationEventRecord{}).Select("application_id, to_stage, at").Where("kind IN ?", []string{
		string(models.AppEventApplied), string(models.AppEventMoved)})
	if openingID > 0 {
		evq = evq.Where("application_id IN (SELECT id FROM applications WHERE opening_id = ?)", openingID)
	}
	var evs []applicationEventRecord
	if err := evq.Order("application_id, at, id").Find(&evs).Error; err != nil {
		return nil, err
	}
	for _, e := range evs {
		paths[e.ApplicationID] = append(paths[e.ApplicationID], step{models.Stage(e.ToStage), e.At})
	}
	r := &PipelineReport{Total: len(apps), Closed: map[models.Stage]int{}}
	reached := map[models.Stage]int{}
	durations := map[models.Stage][]float64{}
	sources := map[models.Source]*SourceStat{}
	var firstContact []float64
	current := map[models.Stage]int{}
	for _, a := range apps {
		current[models.Stage(a.Stage)]++
		if models.Stage(a.Stage).Closed() && models.Stage(a.Stage) != models.StageHired {
			r.Closed[models.Stage(a.Stage)]++
		}
		src := sources[models.Source(a.Source)]
		if src == nil {
			src = &SourceStat{Source: models.Source(a.Source)}
			sources[src.Source] = src
		}
		src.Applications++
		seen := map[models.Stage]bool{}
		p := paths[a.ID]
		for i, st := range p {
			if !seen[st.stage] {
				seen[st.stage] = true
				reached[st.stage]++
			}
			if i+1 < len(p) {
				durations[st.stage] = append(durations[st.stage], p[i+1].at.Sub(st.at).Hours())
			}
		}
		if seen[models.StageScreening] {
			src.Screened++
		}
		if seen[models.StageFirstInterview] {
			src.Interviewed++
		}
		if seen[models.StageHired] {
			src.Hired++
		}
		if a.FirstContactAt != nil {
			r.Contacted++
			firstContact = append(firstContact, a.FirstContactAt.Sub(a.CreatedAt).Hours())
		}
	}
	for i, st := range models.Pipeline {
		s := StageStat{Stage: st, Current: current[st], Reached: reached[st], MedianHours: median(durations[st])}
		if i+1 < len(models.Pipeline) && reached[st] > 0 {
			v := float64(reached[models.Pipeline[i+1]]) / float64(reached[st]) * 100
			s.PassThrough = &v
		}
		r.Stages = append(r.Stages, s)
	}
	for _, s := range sources {
		r.Sources = append(r.Sources, *s)
	}
	slices.SortFunc(r.Sources, func(a, b SourceStat) int {
		if d := b.Applications - a.Applications; d != 0 {
			return d
		}
		return strings.Compare(string(a.Source), string(b.Source))
	})
	r.MedianFirstContactHours = median(firstContact)
	return r, nil
}

// Funnel is how many applications an opening has, and how many of them reached each stage, as Report counts
// them (an applied or moved event into the stage).
type Funnel struct {
	Total   int
	Reached map[models.Stage]int
}

// Funnels counts the funnels of the openings named in two grouped queries, however many applications they have:
// what the hiring dashboard shows of each opening's report.
func (db *DB) Funnels(ctx context.Context, openingIDs []int64) (map[int64]Funnel, error) {
	out := map[int64]Funnel{}
	for chunk := range slices.Chunk(openingIDs, 500) {
		var totals []struct {
			OpeningID int64
			N         int
		}
		if err := db.with(ctx).Model(&applicationRecord{}).Select("opening_id, COUNT(*) AS n").Where("opening_id IN ?", chunk).
			Group("opening_id").Scan(&totals).Error; err != nil {
			return nil, err
		}
		for _, t := range totals {
			out[t.OpeningID] = Funnel{Total: t.N, Reached: map[models.Stage]int{}}
		}
		var reached []struct {
			OpeningID int64
			ToStage   string
			N         int
		}
		// Each application once per stage (DISTINCT, hashed), then counted per opening and stage.
		steps := db.with(ctx).Table("application_events AS e").Distinct("a.opening_id", "e.application_id", "e.to_stage").
			Joins("JOIN applications a ON a.id = e.application_id").
			Where("a.opening_id IN ? AND e.kind IN ?", chunk, []string{string(models.AppEventApplied), string(models.AppEventMoved)})
		if err := db.with(ctx).Table("(?) AS s", steps).Select("opening_id, to_stage, COUNT(*) AS n").
			Group("opening_id, to_stage").Scan(&reached).Error; err != nil {
			return nil, err
		}
		for _, r := range reached {
			if f, ok := out[r.OpeningID]; ok {
				f.Reached[models.Stage(r.ToStage)] = r.N
			}
		}
	}
	return out, nil
}

func median(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	sort.Float64s(xs)
	m := xs[len(xs)/2]
	if len(xs)%2 == 0 {
		m = (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
	}
	return &m
}
