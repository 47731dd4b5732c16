// The analysis of one group, from a finalized dataset to its verdict, and of each unit of a
// dataset (model/scope.h): the pipeline the Session runs, written once.
#pragma once

#include <string>
#include <vector>

#include "classify/verdict.h"
#include "graph/interaction_graph.h"
#include "meshcheck/network_cut.h"
#include "meshcheck/options.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measures.h"
#include "model/dataset.h"
#include "model/scope.h"
#include "report/report.h"

namespace meshcheck {

// The interaction graph is not kept: a few arrays per message, it would sit beside the
// verdict's sensitivity graphs (Session::GraphEdgeList rebuilds it).
struct Analysis {
  metrics::GroupFacts facts;
  metrics::HostSet hosts;
  metrics::Measures measures;
  classify::Verdict verdict;
};

// Every measure and the verdict of `data` (finalized), with the hosts the options name.
// `formats`: the formats of the inputs read. With `drawn`, also the part of the graph a page
// draws (report::CutNetwork, at kDrawnPeople and kDrawnTies), cut while the edges are at hand.
Analysis Analyze(const model::Dataset& data,
                 const Options& options,
                 const std::vector<Format>& formats,
                 NetworkCut* drawn = nullptr);

// What to work on first: the weakest index components (classify/recommend.h), each with the
// default checklist's practices that move it (ANALYSIS.md C.6), in the definition's order.
std::vector<report::Recommendation> Recommend(const Analysis& analysis);

// At most this many units get a verdict of their own (the largest); the rest are counted.
inline constexpr size_t kMaxUnitVerdicts = 500;

// Each unit's own verdict, when the dataset has two units or more (else empty), largest first.
std::vector<report::UnitVerdict> AnalyzeUnits(const model::Dataset& data,
                                              const model::Scope& scope,
                                              const Options& options,
                                              const std::vector<Format>& formats);

}  // namespace meshcheck
