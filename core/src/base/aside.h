// RunAside: work done beside the caller, for the analysis stages that do not depend on each
// other.
//
//   std::future<Networks> networks = base::RunAside([&] { return ...; });
//   ... other work ...
//   Use(networks.get());
//
// On a second thread where the build has threads (native builds). The wasm module is built
// without them (they would need SharedArrayBuffer and a cross-origin-isolated page): there `f`
// runs inside get(). Either way get() returns f's result or rethrows what f threw. Contract: what
// `f` reads must not change, and what it references must live, until get() returns; the
// future's destructor waits for `f` if get() was never called.
#pragma once

#include <future>
#include <utility>

namespace meshcheck::base {

#if defined(__EMSCRIPTEN__)
inline constexpr std::launch kAsideLaunch = std::launch::deferred;
#else
inline constexpr std::launch kAsideLaunch = std::launch::async;
#endif

template <typename F>
auto RunAside(F&& f) {
  return std::async(kAsideLaunch, std::forward<F>(f));
}

}  // namespace meshcheck::base
