// NameCompleter: completes step and variable names inside "{{" in the editors that hold expressions
// (ExpressionLineEdit, TemplateTextEdit), and after a step's name and a dot its fields: those known before a
// run (a form's keys; a request's body, headers and status) and, at any depth, the keys the last test run
// found ("{{ http1.body.json."). It finds the partial name at the cursor, shows the popup next to it, and
// tells whether the completed expression still needs its closing braces. In a script (CodeEditor) there
// are no braces: fields are offered after "http1." as above, and names when the user asks (Ctrl+Space);
// nothing inside a string, template literal text, a comment or a regular expression.
#pragma once

#include "script/KnownNames.h"

#include <QCompleter>
#include <QKeySequence>

#include <functional>
#include <optional>

class QKeyEvent;
class QPlainTextEdit;
class QStringListModel;

namespace AuthStudio {

class NameCompleter : public QCompleter
{
    Q_OBJECT
public:
    enum class Syntax { Template, Script };

    // Completes inside `editor` (the popup's owner); activated() gives the chosen name.
    explicit NameCompleter(QWidget *editor, Syntax syntax = Syntax::Template);

    void setNames(const KnownNames &names);
    // The keys that ask for the names where none are offered on their own (Help > Keyboard Shortcuts).
    static QKeySequence askKeys() { return QKeySequence(Qt::CTRL | Qt::Key_Space); }

    // For the editor's keyPressEvent, first: true when the key is the completer's and the editor must leave
    // it alone: the keys the open popup takes (Enter, Tab, Esc), and Ctrl+Space, answered by `showNames`.
    bool takesKey(QKeyEvent *event, const std::function<void()> &showNames);
    // Whether the key, just handled by the editor, typed or erased text: then the editor offers what fits.
    // Undo, Redo and other shortcuts carry control characters as their text, and offer nothing.
    static bool typedText(const QKeyEvent *event);

    // Shows what completes the partial name at the end of `textBeforeCursor` below `cursorRect` (in the
    // editor's coordinates): a root name after "{{", or a field after "{{ form1.". Hides the popup when the
    // cursor is elsewhere or there is nothing to offer. `asked`: the user asked (Ctrl+Space), which in a
    // script offers the names, as typing a name there doesn't.
    void popUpAt(const QString &textBeforeCursor, const QRect &cursorRect, bool asked = false);

    // How an editor puts a chosen name in: the characters from `start` to the cursor become `text`, then
    // the cursor moves back `cursorBack` characters. When the completion also adds the closing " }}", the
    // cursor ends after a step's name or field, ready for ".body" or ".token", and after the braces for a
    // variable, ready for the rest of the URL.
    struct Insertion
    {
        int start = 0;
        QString text;
        int cursorBack = 0;
    };
    // The insertion for `name`, or nothing when the cursor isn't inside an open "{{ name" or "{{ step.field".
    std::optional<Insertion> insertion(const QString &textBeforeCursor, const QString &textAfterCursor,
                                       const QString &name) const;

    // For the multi-line editors (TemplateTextEdit, CodeEditor), which complete on the cursor's line:
    // popUpAt() and insertion() applied to `editor`, the insertion as one undo step.
    void popUpIn(QPlainTextEdit *editor, bool asked = false);
    void insertIn(QPlainTextEdit *editor, const QString &name);

private:
    // The partial name at the cursor: where it starts, what is typed of it, and the path before it (empty
    // for a root name; a step's name first); nullopt when the cursor isn't in a place that completes.
    struct Partial
    {
        int start = 0;
        QString prefix;
        QStringList path;
    };
    std::optional<Partial> partialAt(const QString &textBeforeCursor, bool rootsInScript) const;
    // What can follow `path` and a dot: a step's fields known before a run, and the keys the last test
    // run found there.
    QStringList fieldsAt(const QStringList &path) const;
    // Shows `names` in the popup's list, leaving the list alone when it already holds them (resetting it
    // clears the popup's current row, and Enter then completes nothing).
    void offer(const QStringList &names);

    Syntax m_syntax;
    QStringListModel *m_list;
    // "auth" or "console" where no step or variable of the name hides the engine's object.
    bool isEngineObject(const QString &name) const;

    KnownNames m_names;
    QStringList m_rootNames; // values and objects, sorted, once
};

} // namespace AuthStudio
