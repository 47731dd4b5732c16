// Test helper: runs facts, graph, hosts and the measures over a hand-built dataset.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dataset_builder.h"
#include "graph/interaction_graph.h"
#include "metrics/facts.h"
#include "metrics/hosts.h"
#include "metrics/measures.h"
#include "metrics/params.h"
#include "metrics/structure.h"

namespace meshcheck::testing {

struct Analysis {
  metrics::GroupFacts facts;
  graph::InteractionGraph graph;
  metrics::HostSet hosts;
  metrics::StructureMeasures measures;
};

inline Analysis Analyze(DatasetBuilder& b, const std::vector<std::string>& declared = {}) {
  const model::Dataset& data = b.Finalize();
  Analysis a;
  a.facts = metrics::ComputeFacts(data);
  a.graph = graph::InteractionGraph::Build(data, metrics::kInference);
  a.hosts = metrics::DetectHosts(data, a.facts, declared);
  a.measures = metrics::ComputeStructure(data, a.graph, a.facts, a.hosts);
  return a;
}

// Everything metrics::ComputeMeasures gives, with the facts, graph and hosts it came from.
struct FullAnalysis {
  metrics::GroupFacts facts;
  graph::InteractionGraph graph;
  metrics::HostSet hosts;
  metrics::Measures m;
};

inline FullAnalysis AnalyzeAll(DatasetBuilder& b, const std::vector<std::string>& declared = {}) {
  const model::Dataset& data = b.Finalize();
  FullAnalysis a;
  a.facts = metrics::ComputeFacts(data);
  a.graph = graph::InteractionGraph::Build(data, metrics::kInference);
  a.hosts = metrics::DetectHosts(data, a.facts, declared);
  a.m = metrics::ComputeMeasures(data, a.graph, a.facts, a.hosts);
  return a;
}

// The evidence count `name` of a measure (fails the test if absent).
inline uint64_t EvidenceOf(const metrics::Measure& m, const std::string& name) {
  for (const auto& [key, value] : m.evidence) {
    if (key == name)
      return value;
  }
  FAIL("no evidence named " << name);
  return 0;
}

}  // namespace meshcheck::testing
