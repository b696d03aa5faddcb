// NameCompleter: completes step and variable names inside "{{" in the editors that hold expressions
// (ExpressionLineEdit, TemplateTextEdit): which partial name is at the cursor, the popup next to it, and
// whether the completed expression still needs its closing braces.
#pragma once

#include <QCompleter>

#include <functional>

class QKeyEvent;
class QStringListModel;

namespace AuthStudio {

class NameCompleter : public QCompleter
{
    Q_OBJECT
public:
    // Completes inside `editor` (the popup's owner); activated() gives the chosen name.
    explicit NameCompleter(QWidget *editor);

    void setNames(const QStringList &names);
    bool hasNames() const;

    // Where the partial name at the end of `textBeforeCursor` starts, with the part typed in `prefix`; -1
    // when the cursor isn't inside an open "{{ name".
    static int partialNameStart(const QString &textBeforeCursor, QString *prefix);
    // Whether an expression completed before `textAfterCursor` is not closed yet, so " }}" should follow.
    static bool needsClosingBraces(const QString &textAfterCursor);

    // For the editor's keyPressEvent, first: true when the key is the completer's and the editor must leave
    // it alone: the keys the open popup takes (Enter, Tab, Esc), and Ctrl+Space, answered by `showNames`.
    bool takesKey(QKeyEvent *event, const std::function<void()> &showNames);

    // Shows the names starting with `prefix` below `cursorRect` (in the editor's coordinates), or hides
    // the popup when there is nothing to offer.
    void popUp(const QString &prefix, const QRect &cursorRect);

private:
    QStringListModel *m_names;
};

} // namespace AuthStudio
