#include "FileDialog.h"

#include "StudioSettings.h"
#include "format/WorkspaceFormat.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLocale>
#include <QScreen>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

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

// The list's first columns, the first time: Qt's own cut its sizes, types and dates short ("26....KiB",
// "JSO...ent") with room to spare on the right (QA pass 33). Each is as wide as what it shows, and the
// name takes what is left as the dialog is resized; the user's own widths are kept afterwards.
void sizeColumns(QFileDialog *dialog)
{
    auto *view = dialog->findChild<QTreeView *>(QStringLiteral("treeView"));
    if (!view || view->header()->count() < 4)
        return;
    QHeaderView *header = view->header();
    const QFontMetrics metrics(view->font());
    const int padding = 4 * metrics.averageCharWidth();
    const QDateTime sample(QDate(2026, 12, 30), QTime(23, 59));
    const QString samples[] = {QString(), QStringLiteral("1023.9 KiB"), QStringLiteral("JSON Document"),
                               QLocale().toString(sample, QLocale::ShortFormat)};
    for (int column = 1; column < 4; ++column) {
        const QString title = header->model()->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(
            column,
            std::max(metrics.horizontalAdvance(samples[column]), metrics.horizontalAdvance(title)) + padding);
    }
    header->setStretchLastSection(false);
    header->setSectionResizeMode(0, QHeaderView::Stretch);
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
    // Qt's own dialog (used where the desktop offers none) opens at its small default size, about
    // 610x410, with its columns cut (QA pass 29). It comes back as the user last left it; the first time,
    // at a size that shows the names and dates whole.
    StudioSettings settings;
    if (!dialog->restoreState(settings.value(StudioSettings::Key::FileDialogState).toByteArray()))
        sizeColumns(dialog);
    if (!dialog->restoreGeometry(settings.value(StudioSettings::Key::FileDialogGeometry).toByteArray())) {
        QSize size(880, 560);
        if (const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableSize() * 9 / 10);
        dialog->resize(size);
    }
    QObject::connect(dialog, &QFileDialog::finished, dialog, [dialog] {
        StudioSettings saved;
        saved.setValue(StudioSettings::Key::FileDialogGeometry, dialog->saveGeometry());
        saved.setValue(StudioSettings::Key::FileDialogState, dialog->saveState());
    });
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
