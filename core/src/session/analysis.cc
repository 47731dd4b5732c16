#include "session/analysis.h"

#include <utility>

#include "base/diagnostics.h"
#include "base/strings.h"
#include "classify/recommend.h"
#include "metrics/params.h"
#include "quiz/definition.h"
#include "report/network_cut.h"

namespace meshcheck {

Analysis Analyze(const model::Dataset& data,
                 const Options& options,
                 const std::vector<Format>& formats,
                 NetworkCut* drawn) {
  Analysis a;
  a.facts = metrics::ComputeFacts(data);
  a.hosts = metrics::DetectHosts(data, a.facts, options.hosts);
  // The other inference windows' graphs first, each freed before the next: none is in memory
  // beside the headline graph or its measures (classify/verdict.h).
  std::vector<classify::SensitivityPoint> sensitivity =
      classify::OtherWindowsSensitivity(data, a.facts, a.hosts);
  {
    // Freed, part by part, as the measures are computed; its edges are collected by
    // ComputeMeasures, once the stages before them have freed their memory.
    graph::InteractionGraph graph =
        graph::InteractionGraph::Build(data, metrics::kInference, graph::EdgeCollection::kLater);
    graph::EdgeList edges;
    a.measures = metrics::ComputeMeasures(data, std::move(graph), a.facts, a.hosts, {},
                                          drawn ? &edges : nullptr);
    if (drawn) {
      *drawn = report::CutNetwork(data, a.facts, a.hosts, edges, report::kDrawnPeople,
                                  report::kDrawnTies);
    }
  }
  a.verdict =
      classify::Classify(a.facts, a.hosts, a.measures,
                         classify::WithHeadlineWindow(std::move(sensitivity), a.facts, a.measures),
                         classify::TraitsOf(data, formats));
  return a;
}

std::vector<report::Recommendation> Recommend(const Analysis& analysis) {
  // The compiled-in checklist, parsed once per process.
  static const quiz::Definition checklist = quiz::ParseDefinition(quiz::DefaultDefinitionJson());
  std::vector<report::Recommendation> out;
  for (const classify::Weakness& w : classify::Weaknesses(analysis.verdict, analysis.measures)) {
    report::Recommendation r;
    r.id = base::AsciiLowered(w.component);
    r.measure = w.measure;
    r.value = w.value;
    r.target = w.target;
    r.text = w.text;
    for (const quiz::Practice& p : checklist.practices) {
      for (quiz::Component c : p.moves) {
        if (w.component == quiz::Info(c).id) {
          r.practices.push_back(p.id);
          break;
        }
      }
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<report::UnitVerdict> AnalyzeUnits(const model::Dataset& data,
                                              const model::Scope& scope,
                                              const Options& options,
                                              const std::vector<Format>& formats) {
  std::vector<report::UnitVerdict> out;
  if (scope.units.size() < 2)
    return out;
  base::Diagnostics unused;  // A part raises nothing the whole has not.
  for (const model::Unit& unit : scope.units) {
    if (out.size() == kMaxUnitVerdicts)
      break;
    std::vector<bool> keep(data.channels().size(), false);
    for (uint32_t c : unit.channels)
      keep[c] = true;
    const model::Dataset part = data.Subset(keep, &unused);
    const Analysis a = Analyze(part, options, formats);
    report::UnitVerdict v;
    v.unit = &unit;
    v.messages = a.facts.messages;
    v.posters = a.facts.posters;
    v.host_messages = a.hosts.host_messages;
    v.label = a.verdict.label;
    v.has_index = a.verdict.has_index;
    v.index = a.verdict.index;
    v.confidence = a.verdict.confidence;
    out.push_back(v);
  }
  return out;
}

}  // namespace meshcheck
