// StartupPreloader: loads, on a worker thread, what the first frame of the main window needs from the system
// and what Qt would otherwise load on the GUI thread at first use: the font database (fontconfig reads and
// parses its configuration, tens of files) and the image-format plugins (Qt 6.4 loads every one of them the
// first time any image is read, which the tool bar's extension button does). Both are global and guarded
// by Qt's own locks, so the GUI thread simply finds them ready, or waits for the worker instead of loading
// them a second time. Create it right after the QApplication; it waits for its thread when destroyed.
#pragma once

#include <memory>

class QThread;

namespace AuthStudio {

class StartupPreloader
{
public:
    StartupPreloader();
    ~StartupPreloader();

    StartupPreloader(const StartupPreloader &) = delete;
    StartupPreloader &operator=(const StartupPreloader &) = delete;

    // Blocks until the worker is done. For tests; the destructor calls it too.
    void wait();

private:
    std::unique_ptr<QThread> m_thread;
};

} // namespace AuthStudio
