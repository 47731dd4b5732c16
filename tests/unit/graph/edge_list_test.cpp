// graph::EdgeList: edges in 16 bytes read back exactly, whatever their weights (those that do
// not fit in 16 bits are kept apart).
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "graph/edge_list.h"

namespace {

using meshcheck::graph::Edge;
using meshcheck::graph::EdgeList;
using meshcheck::graph::EdgeWeights;

bool Same(const Edge& x, const Edge& y) {
  return x.from == y.from && x.to == y.to && x.weights.replies == y.weights.replies &&
         x.weights.mentions == y.weights.mentions && x.weights.reactions == y.weights.reactions &&
         x.weights.inferred_replies == y.weights.inferred_replies;
}

}  // namespace

TEST_CASE("an edge list gives back every edge it was set, narrow or wide") {
  constexpr uint32_t kTop = UINT32_MAX;
  const std::vector<Edge> edges = {
      {0, 1, {0, 0, 0, 0}},
      {0, 2, {65534, 65534, 65534, 65534}},  // The largest that fit in 16 bits.
      {1, 0, {65535, 0, 0, 0}},              // The smallest that do not, in each field.
      {1, 2, {3, 65535, 0, 0}},
      {2, 0, {0, 0, 65535, 0}},
      {2, 1, {70000, 1, 2, 65535}},
      {kTop - 1, kTop, {kTop, kTop, kTop, kTop}},
  };
  EdgeList list(edges.size());
  REQUIRE(list.size() == edges.size());
  // Set out of order, as the edge collection does block by block.
  for (size_t k = edges.size(); k-- > 0;)
    list.Set(k, edges[k]);
  for (size_t k = 0; k < edges.size(); ++k) {
    INFO(k);
    CHECK(Same(list[k], edges[k]));
  }
  size_t k = 0;
  for (const Edge& e : list)
    CHECK(Same(e, edges[k++]));
  CHECK(k == edges.size());
  CHECK(EdgeList().empty());
}

TEST_CASE("an edge list holds 70000 wide edges (an index beyond 16 bits)") {
  constexpr size_t kEdges = 70000;
  EdgeList list(kEdges);
  for (uint32_t k = 0; k < kEdges; ++k)
    list.Set(k, {k, k + 1, {65535 + k, k, 0, 1}});
  for (uint32_t k : {0u, 65535u, 65536u, 69999u}) {
    INFO(k);
    CHECK(Same(list[k], {k, k + 1, {65535 + k, k, 0, 1}}));
  }
}
