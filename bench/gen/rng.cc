#include "gen/rng.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "base/hash.h"

namespace meshcheck::gen {
namespace {

uint64_t Rotl(uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

// Knuth's product of uniforms: exact, and fast for the small means it is used for.
uint32_t SmallPoisson(Rng* rng, double mean) {
  const double limit = std::exp(-mean);
  uint32_t k = 0;
  double product = rng->Uniform();
  while (product > limit) {
    ++k;
    product *= rng->Uniform();
  }
  return k;
}

}  // namespace

Rng::Rng(uint64_t seed, uint64_t stream) {
  // splitmix64 over (seed, stream): distinct streams give unrelated states.
  uint64_t x = seed ^ base::Mix64(stream + 0x632be59bd9b4e019ULL);
  for (uint64_t& s : s_) {
    x += 0x9e3779b97f4a7c15ULL;
    s = base::Mix64(x);
  }
}

uint64_t Rng::Next() {
  const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = Rotl(s_[3], 45);
  return result;
}

double Rng::Uniform() {
  return static_cast<double>(Next() >> 11) * 0x1.0p-53;
}

uint32_t Rng::Below(uint32_t n) {
  return static_cast<uint32_t>(((Next() >> 32) * n) >> 32);
}

double Rng::Exponential(double mean) {
  return -mean * std::log1p(-Uniform());
}

double Rng::LogNormal(double median, double sigma) {
  // Box-Muller; 1 - Uniform() is in (0, 1], so the log is finite.
  const double r = std::sqrt(-2.0 * std::log(1.0 - Uniform()));
  const double normal = r * std::cos(2.0 * std::numbers::pi * Uniform());
  return median * std::exp(sigma * normal);
}

uint32_t Rng::Poisson(double mean) {
  // A sum of independent Poisson variables is Poisson: split large means into small parts.
  constexpr double kPart = 16;
  uint32_t k = 0;
  while (mean > kPart) {
    k += SmallPoisson(this, kPart);
    mean -= kPart;
  }
  return mean > 0 ? k + SmallPoisson(this, mean) : k;
}

DiscreteTable::DiscreteTable(const std::vector<double>& weights) {
  cdf_.reserve(weights.size());
  double sum = 0;
  for (double w : weights) {
    sum += w;
    cdf_.push_back(sum);
  }
  for (double& c : cdf_)
    c /= sum;
  if (!cdf_.empty())
    cdf_.back() = 1.0;
}

DiscreteTable DiscreteTable::Zipf(uint32_t n, double s) {
  std::vector<double> weights(n);
  for (uint32_t k = 0; k < n; ++k)
    weights[k] = std::pow(static_cast<double>(k) + 1.0, -s);
  return DiscreteTable(weights);
}

uint32_t DiscreteTable::Sample(Rng* rng) const {
  const double u = rng->Uniform();
  const auto it = std::upper_bound(cdf_.begin(), cdf_.end(), u);
  return static_cast<uint32_t>(std::min<size_t>(it - cdf_.begin(), cdf_.size() - 1));
}

}  // namespace meshcheck::gen
