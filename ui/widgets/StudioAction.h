// StudioAction: how the studio makes an action: an object name (tests and accessibility tools find it by
// it), the text, one tooltip that is also the status bar's tip, and the shortcut and icon when it has them.
// The main window's and the workflow editor's actions are all made here, so they read alike.
#pragma once

#include <QIcon>
#include <QKeySequence>
#include <QString>

class QAction;
class QObject;

namespace AuthStudio::StudioAction {

// A new action owned by `owner`.
QAction *create(QObject *owner, const QString &objectName, const QString &text, const QString &toolTip,
                const QKeySequence &shortcut = {}, const QIcon &icon = {});

} // namespace AuthStudio::StudioAction
