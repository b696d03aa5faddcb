#include "NameCompleter.h"

#include <QAbstractItemView>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>

namespace AuthStudio {

NameCompleter::NameCompleter(QWidget *editor)
    : QCompleter(editor)
    , m_names(new QStringListModel(this))
{
    // Not QLineEdit::setCompleter(): that completes the whole text, this completes the name at the cursor.
    setModel(m_names);
    setWidget(editor);
    setCompletionMode(QCompleter::PopupCompletion);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchStartsWith);
}

void NameCompleter::setNames(const KnownNames &names)
{
    m_objects = names.objects;
    QStringList sorted = names.all();
    sorted.sort(Qt::CaseInsensitive);
    sorted.removeDuplicates();
    // Editors hand the names over after every edit of the document. Resetting the list for the same names
    // cleared the open popup's choice, and Enter then completed nothing.
    if (sorted != m_names->stringList())
        m_names->setStringList(sorted);
}

namespace {

// Where the partial name at the end of `textBeforeCursor` starts, with the part typed in `prefix`; -1 when
// the cursor isn't inside an open "{{ name".
int partialNameStart(const QString &textBeforeCursor, QString *prefix)
{
    const qsizetype open = textBeforeCursor.lastIndexOf(QStringLiteral("{{"));
    if (open < 0 || textBeforeCursor.indexOf(QStringLiteral("}}"), open + 2) >= 0)
        return -1;
    static const QRegularExpression partialName(QStringLiteral(R"(^\s*([A-Za-z_$][A-Za-z0-9_$]*)?$)"));
    const QRegularExpressionMatch match = partialName.match(QStringView(textBeforeCursor).mid(open + 2));
    if (!match.hasMatch())
        return -1;
    *prefix = match.captured(1);
    return int(textBeforeCursor.size() - prefix->size());
}

// Whether an expression completed before `textAfterCursor` is not closed yet, so " }}" should follow.
bool needsClosingBraces(const QString &textAfterCursor)
{
    const qsizetype close = textAfterCursor.indexOf(QStringLiteral("}}"));
    const qsizetype nextOpen = textAfterCursor.indexOf(QStringLiteral("{{"));
    return close < 0 || (nextOpen >= 0 && nextOpen < close);
}

} // namespace

std::optional<NameCompleter::Insertion> NameCompleter::insertion(const QString &textBeforeCursor,
                                                                 const QString &textAfterCursor,
                                                                 const QString &name) const
{
    QString prefix;
    const int start = partialNameStart(textBeforeCursor, &prefix);
    if (start < 0)
        return std::nullopt;
    // Close the expression when nothing closes it yet.
    if (needsClosingBraces(textAfterCursor))
        return Insertion {start, name + QStringLiteral(" }}"), m_objects.contains(name) ? 3 : 0};
    return Insertion {start, name, 0};
}

bool NameCompleter::takesKey(QKeyEvent *event, const std::function<void()> &showNames)
{
    if (popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the popup takes these
            return true;
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::ControlModifier) {
        showNames();
        return true;
    }
    return false;
}

void NameCompleter::popUpAt(const QString &textBeforeCursor, const QRect &cursorRect)
{
    QString prefix;
    if (partialNameStart(textBeforeCursor, &prefix) < 0 || m_names->rowCount() == 0) {
        popup()->hide();
        return;
    }
    setCompletionPrefix(prefix);
    const int count = completionCount();
    if (count == 0 || (count == 1 && currentCompletion() == prefix)) {
        popup()->hide();
        return;
    }
    QAbstractItemView *list = popup();
    list->setCurrentIndex(completionModel()->index(0, 0));
    QRect rect = cursorRect;
    rect.setWidth(list->sizeHintForColumn(0) + list->verticalScrollBar()->sizeHint().width());
    complete(rect);
}

} // namespace AuthStudio
