// FileDialog: choosing files to open and save without a nested event loop: the dialog opens window-modal
// with open() and the chosen path arrives through a callback (which doesn't run when the user cancels).
// Tests choose the next path through setNextPath(), answered from the event loop like a real dialog.
#pragma once

#include <QString>

#include <functional>
#include <optional>

class QObject;
class QWidget;

namespace AuthStudio {

class FileDialog
{
public:
    // Saving, a name typed without a suffix gets the one of the kind of file saved.
    enum class Mode { Open, SaveWorkspace, SaveResource };

    static void choose(QWidget *parent, Mode mode, const QString &caption, const QString &directory,
                       const QString &filter, QObject *context, std::function<void(const QString &)> done);

    // Tests: the next dialog "chooses" this path without showing anything; an empty path cancels. The
    // caption of the last dialog asked for, empty when none was asked for since setNextPath().
    static void setNextPath(std::optional<QString> path);
    static QString lastCaption();

    static QString workspaceFilter();
    static QString resourceFilter();
};

} // namespace AuthStudio
