#include "FileDialog.h"

#include "format/WorkspaceFormat.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QTimer>

namespace AuthStudio {

namespace {

struct HookState
{
    std::optional<QString> nextPath;
    QString lastCaption;
};

HookState &hook()
{
    static HookState state;
    return state;
}

} // namespace

void FileDialog::choose(QWidget *parent, Mode mode, const QString &caption, const QString &directory,
                        const QString &filter, QObject *context, std::function<void(const QString &)> done)
{
    hook().lastCaption = caption;
    if (hook().nextPath) {
        const QString path = *hook().nextPath;
        hook().nextPath.reset();
        if (!path.isEmpty())
            QTimer::singleShot(0, context, [done = std::move(done), path] { done(path); });
        return;
    }
    auto *dialog = new QFileDialog(parent, caption, directory, filter);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    if (mode != Mode::Open) {
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setFileMode(QFileDialog::AnyFile);
        const QString suffix = mode == Mode::SaveWorkspace ? WorkspaceFormat::fileSuffix()
                                                           : WorkspaceFormat::resourceFileSuffix();
        dialog->setDefaultSuffix(suffix.mid(1)); // without its leading dot
    } else {
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        dialog->setFileMode(QFileDialog::ExistingFile);
    }
    QObject::connect(dialog, &QFileDialog::fileSelected, context, std::move(done));
    dialog->open();
}

void FileDialog::setNextPath(std::optional<QString> path)
{
    hook().nextPath = std::move(path);
    hook().lastCaption.clear();
}

QString FileDialog::lastCaption()
{
    return hook().lastCaption;
}

QString FileDialog::workspaceFilter()
{
    return QCoreApplication::translate(
        "AuthStudio::FileDialog",
        "Auth Studio workspaces (*.authstudio.json);;JSON files (*.json);;All files (*)");
}

QString FileDialog::resourceFilter()
{
    return QCoreApplication::translate(
        "AuthStudio::FileDialog", "Auth Studio resources (*.authstudio-resource.json *.json);;All files (*)");
}

} // namespace AuthStudio
