#pragma once

#include <atomic>
#include <memory>

namespace sv {

// Shared between the GUI thread, which raises it, and a render job, which
// checks it between steps and gives up early. Raising it never blocks.
using CancelFlag = std::shared_ptr<std::atomic_bool>;

inline CancelFlag makeCancelFlag() { return std::make_shared<std::atomic_bool>(false); }
inline bool isCancelled(const CancelFlag& flag) { return flag && flag->load(std::memory_order_relaxed); }

} // namespace sv
