// BackgroundRelease: lets go of a value on the thread pool. Where the value holds the last reference to
// megabytes of parsed JSON (a run's scope, the scope inspector's nodes over it), freeing it takes the
// thread that does it 100 ms or more: the window's thread hands it over instead. Values other threads
// share are safe to let go of anywhere (implicitly shared, atomically counted).
#pragma once

#include <QThreadPool>

#include <memory>

namespace AuthStudio::BackgroundRelease {

template<typename T> void release(T value)
{
    // The task is the only owner, so the value is freed there, whenever the task runs.
    auto held = std::make_shared<T>(std::move(value));
    QThreadPool::globalInstance()->start([held = std::move(held)]() mutable { held.reset(); });
}

} // namespace AuthStudio::BackgroundRelease
