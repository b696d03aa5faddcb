#include "LongWordWrapper.h"

#include <QPlainTextEdit>
#include <QTextCursor>
#include <QTextDocument>

namespace AuthStudio {

LongWordWrapper::LongWordWrapper(QPlainTextEdit *edit)
    : QObject(edit)
    , m_edit(edit)
{
    // Before the edit lays out what changed: a slot of contentsChange runs first, so the long word is laid
    // out once, broken anywhere, and not first the slow way. (setDocument() isn't followed.)
    connect(edit->document(), &QTextDocument::contentsChange, this, &LongWordWrapper::update);
    update();
}

bool LongWordWrapper::hasLongWord(QStringView text, qsizetype longest)
{
    if (text.size() <= longest)
        return false;
    qsizetype run = 0;
    for (const QChar c : text) {
        run = c.isSpace() ? 0 : run + 1;
        if (run > longest)
            return true;
    }
    return false;
}

void LongWordWrapper::setPlainText(QPlainTextEdit *edit, const QString &text)
{
    // Emptied, then inserted: the wrapper sees the text before it is laid out, and changing the wrapping
    // of an empty edit costs nothing. No undo step: this is shown, not typed.
    const bool undo = edit->isUndoRedoEnabled();
    edit->setUndoRedoEnabled(false);
    edit->clear();
    QTextCursor(edit->document()).insertText(text);
    edit->moveCursor(QTextCursor::Start); // at the top, as setPlainText() leaves it
    edit->setUndoRedoEnabled(undo);
}

QTextOption::WrapMode LongWordWrapper::modeFor(bool longWord)
{
    return longWord ? QTextOption::WrapAnywhere : QTextOption::WrapAtWordBoundaryOrAnywhere;
}

void LongWordWrapper::update()
{
    // A short text needs no look: it can't hold a long word (the common case, at every key press).
    const QTextOption::WrapMode mode = modeFor(m_edit->document()->characterCount() > LongestWord &&
                                               hasLongWord(m_edit->document()->toPlainText()));
    if (m_edit->wordWrapMode() != mode)
        m_edit->setWordWrapMode(mode);
}

} // namespace AuthStudio
