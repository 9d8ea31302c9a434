package rhetoric

// SentenceWeights is one sentence of a [Report] with the devices it
// performs and their summed weights: what [Report.SentenceWeights] returns.
// It is plain data.
type SentenceWeights struct {
	Sentence int            `json:"sentence"` // index in the report, from 0
	Start    int            `json:"start"`    // byte span of the sentence in the statement's text
	End      int            `json:"end"`
	Devices  []DeviceWeight `json:"devices"` // devices with a non-negated hit, in the report's device order
}

// DeviceWeight is a device's non-negated hits in one sentence and their
// summed [Hit.Weight] (entry weight times modifier factors). It is plain
// data.
type DeviceWeight struct {
	Device string  `json:"device"` // the device
	Hits   int     `json:"hits"`   // non-negated hits in the sentence
	Weight float64 `json:"weight"` // their summed weight
}

// SentenceWeights returns, for every sentence of r in order, the devices
// its non-negated hits perform, each with its hit count and summed weight,
// so that a caller need not group r.Hits by Hit.Sentence. Devices keep the
// order of r.Devices; a sentence without hits has no devices. The spans
// come from r.Spans; a report without spans (built by hand) gives one
// entry per sentence index found in its hits, with a zero span.
func (r *Report) SentenceWeights() []SentenceWeights {
	n := len(r.Spans)
	for i := range r.Hits {
		n = max(n, r.Hits[i].Sentence+1)
	}
	out := make([]SentenceWeights, n)
	for i := range out {
		out[i].Sentence = i
		if i < len(r.Spans) {
			out[i].Start, out[i].End = r.Spans[i].Start, r.Spans[i].End
		}
	}
	order := make(map[string]int, len(r.Devices))
	for i, d := range r.Devices {
		order[d.Device] = i
	}
	for i := range r.Hits {
		h := &r.Hits[i]
		if h.Negated || h.Sentence < 0 {
			continue
		}
		s := &out[h.Sentence]
		k := -1
		for j := range s.Devices {
			if s.Devices[j].Device == h.Device {
				k = j
				break
			}
		}
		if k < 0 {
			// Insert in device order; devices unknown to r.Devices go last,
			// in order of first hit.
			pos, ok := order[h.Device]
			k = len(s.Devices)
			for j := range s.Devices {
				if pj, okj := order[s.Devices[j].Device]; ok && (!okj || pj > pos) {
					k = j
					break
				}
			}
			s.Devices = append(s.Devices, DeviceWeight{})
			copy(s.Devices[k+1:], s.Devices[k:])
			s.Devices[k] = DeviceWeight{Device: h.Device}
		}
		s.Devices[k].Hits++
		s.Devices[k].Weight += h.Weight
	}
	return out
}
