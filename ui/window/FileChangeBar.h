// FileChangeBar: the strip above the resource editor that says the workspace file was changed or removed
// by another program, and offers what to do about it (Reload, Save) or to keep working (Dismiss). It is
// not a dialog: the user may be in the middle of an edit, and the news can wait for them.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace AuthStudio {

class FileChangeBar : public QFrame
{
    Q_OBJECT
public:
    explicit FileChangeBar(QWidget *parent = nullptr);

    // Another program wrote `fileName`. With unsaved changes here, reloading is the user's choice.
    void showChanged(const QString &fileName, bool unsavedChanges);
    // The file was reloaded by itself (there were no unsaved changes): said, with Undo's way back.
    void showReloaded(const QString &fileName);
    void showRemoved(const QString &fileName);
    void showReloadFailed(const QString &fileName, const QString &error);

    QString text() const; // empty while hidden
    // Whether it shows a Reload or Save button (not just the news of a reload done).
    bool offersAction() const { return !isHidden() && m_actionKind != Action::None; }

Q_SIGNALS:
    void reloadRequested();
    void saveRequested();

private:
    enum class Action { None, Reload, Save };
    void present(const QString &text, Action action, bool warning);

    QLabel *m_text;
    QPushButton *m_action;
    QToolButton *m_dismiss;
    Action m_actionKind = Action::None;
};

} // namespace AuthStudio
