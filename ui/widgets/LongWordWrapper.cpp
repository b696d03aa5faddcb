#include "LongWordWrapper.h"

#include <QPlainTextEdit>
#include <QTextBlock>
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
    update(0, 0, edit->document()->characterCount());
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

void LongWordWrapper::update(int position, int removed, int added)
{
    Q_UNUSED(removed)
    const QTextDocument *document = m_edit->document();
    bool longWord = false;
    // A short text can't hold a long word: the common case, at every key press.
    if (document->characterCount() > LongestWord) {
        if (m_edit->wordWrapMode() == QTextOption::WrapAnywhere) {
            // Whether the long word is still there: the whole text is looked at.
            longWord = hasLongWord(document->toPlainText());
        } else {
            // None before: only the lines the change touched can have one now (a word never spans a line
            // break), rather than the whole of a 1.5 MB body at every key.
            const QTextBlock last = document->findBlock(position + added);
            for (QTextBlock block = document->findBlock(position); block.isValid() && !longWord;
                 block = block.next()) {
                longWord = hasLongWord(block.text());
                if (block == last)
                    break;
            }
        }
    }
    const QTextOption::WrapMode mode = modeFor(longWord);
    if (m_edit->wordWrapMode() != mode)
        m_edit->setWordWrapMode(mode);
}

} // namespace AuthStudio
