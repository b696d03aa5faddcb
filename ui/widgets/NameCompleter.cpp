#include "NameCompleter.h"

#include "format/WorkspaceValidator.h"
#include "script/JavaScriptIdentifier.h"
#include "script/JavaScriptSource.h"

#include <QAbstractItemView>
#include <QJsonArray>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStringListModel>
#include <QTextBlock>

namespace AuthStudio {

namespace {

QStringList sortedNames(QStringList names)
{
    names.sort(Qt::CaseInsensitive);
    names.removeDuplicates();
    return names;
}

// A name, or a path (names and array indexes), then a dot and the part of a name typed so far (group 1:
// the path, group 2: the typed part), at the end of the text: "na", "http1.body.to", "http1.body.items[0].".
// The editors' patterns add what comes before it.
QString partialNamePattern()
{
    return QStringLiteral(R"((?:([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\s*\[\s*\d+\s*\])*)\s*\.\s*)?)"
                          R"(([A-Za-z_$][\w$]*)?$)");
}

// The path's names and indexes ("http1.body.items[0]" -> http1, body, items, [0]).
QStringList pathSegments(const QString &path)
{
    static const QRegularExpression segment(QStringLiteral(R"([A-Za-z_$][\w$]*|\[\s*\d+\s*\])"));
    QStringList segments;
    for (const QRegularExpressionMatch &match : segment.globalMatch(path))
        segments.append(match.captured().remove(u' '));
    return segments;
}

// Whether an expression completed before `textAfterCursor` is not closed yet, so " }}" should follow.
bool needsClosingBraces(const QString &textAfterCursor)
{
    const qsizetype close = textAfterCursor.indexOf(QStringLiteral("}}"));
    const qsizetype nextOpen = textAfterCursor.indexOf(QStringLiteral("{{"));
    return close < 0 || (nextOpen >= 0 && nextOpen < close);
}

} // namespace

NameCompleter::NameCompleter(QWidget *editor, Syntax syntax)
    : QCompleter(editor)
    , m_syntax(syntax)
    , m_list(new QStringListModel(this))
{
    // Not QLineEdit::setCompleter(): that completes the whole text, this completes the name at the cursor.
    setModel(m_list);
    setWidget(editor);
    setCompletionMode(QCompleter::PopupCompletion);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchStartsWith);
}

void NameCompleter::setNames(const KnownNames &names)
{
    // Editors hand the names over after every edit of the document, mostly unchanged.
    if (names == m_names)
        return;
    m_names = names;
    QStringList roots = names.all();
    // In a script, Ctrl+Space also offers the engine's own globals (auth, btoa, ...), which a step of the
    // name would hide. Expressions mostly read steps and variables: their list stays short.
    if (m_syntax == Syntax::Script) {
        for (const char *global : JavaScriptIdentifier::EngineGlobals)
            roots.append(QString::fromLatin1(global));
    }
    m_rootNames = sortedNames(roots);
}

bool NameCompleter::isEngineObject(const QString &name) const
{
    // A step or variable of the name hides the engine's object, in scripts and expressions alike.
    return !m_names.objects.contains(name) && !m_names.values.contains(name) &&
        !JavaScriptIdentifier::engineGlobalMembers(name).isEmpty();
}

QStringList NameCompleter::fieldsAt(const QStringList &path) const
{
    if (path.size() == 1 && isEngineObject(path.constFirst()))
        return JavaScriptIdentifier::engineGlobalMembers(path.constFirst());
    QStringList fields = path.size() == 1 ? m_names.members.value(path.constFirst()) : QStringList();
    QJsonValue value = m_names.lastRun.value(path.constFirst());
    for (qsizetype i = 1; i < path.size() && (value.isObject() || value.isArray()); ++i) {
        const QString &segment = path.at(i);
        value = segment.startsWith(u'[') ? value.toArray().at(segment.mid(1, segment.size() - 2).toInt())
                                         : value.toObject().value(segment);
    }
    if (value.isObject()) {
        // Keys that can follow a dot; a reply with thousands of keys offers its first few hundred.
        constexpr int MaxFields = 500;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end() && fields.size() < MaxFields; ++it) {
            if (WorkspaceValidator::isIdentifier(it.key()) && !m_names.lastRun.secrets().contains(it.key()))
                fields.append(it.key());
        }
    }
    return sortedNames(fields);
}

void NameCompleter::offer(const QStringList &names)
{
    if (names != m_list->stringList())
        m_list->setStringList(names);
}

std::optional<NameCompleter::Partial> NameCompleter::partialAt(const QString &textBeforeCursor,
                                                               bool rootsInScript) const
{
    QRegularExpressionMatch match;
    if (m_syntax == Syntax::Template) {
        const qsizetype open = textBeforeCursor.lastIndexOf(QStringLiteral("{{"));
        if (open < 0 || textBeforeCursor.indexOf(QStringLiteral("}}"), open + 2) >= 0)
            return std::nullopt;
        // Right after the "{{" of an expression still open.
        static const QRegularExpression inExpression(QStringLiteral(R"(^\s*)") + partialNamePattern());
        match = inExpression.match(QStringView(textBeforeCursor).mid(open + 2));
    } else {
        // After anything but a name or a dot; a name alone only when the names were asked for.
        static const QRegularExpression inScript(QStringLiteral(R"((?:^|[^\w$.])\s*)") +
                                                 partialNamePattern());
        match = inScript.match(textBeforeCursor);
        if (match.hasMatch() && !match.hasCaptured(1) && !rootsInScript)
            return std::nullopt;
    }
    if (!match.hasMatch())
        return std::nullopt;
    Partial partial;
    partial.prefix = match.captured(2);
    partial.start = int(textBeforeCursor.size() - partial.prefix.size());
    if (match.hasCaptured(1)) {
        partial.path = pathSegments(match.captured(1));
        if (!m_names.objects.contains(partial.path.constFirst()) &&
            !isEngineObject(partial.path.constFirst()))
            return std::nullopt; // a variable's fields: its value is whole
    }
    return partial;
}

std::optional<NameCompleter::Insertion> NameCompleter::insertion(const QString &textBeforeCursor,
                                                                 const QString &textAfterCursor,
                                                                 const QString &name) const
{
    const std::optional<Partial> partial = partialAt(textBeforeCursor, true);
    if (!partial)
        return std::nullopt;
    if (m_syntax == Syntax::Script)
        return Insertion {partial->start, name, 0};
    // Right after "{{", the space the closing " }}" mirrors: {{ TOKEN }}, as typed after "{{ T".
    const bool afterBraces = partial->path.isEmpty() && textBeforeCursor.left(partial->start).endsWith(u'{');
    const QString text = afterBraces ? u' ' + name : name;
    // Close the expression when nothing closes it yet.
    if (needsClosingBraces(textAfterCursor)) {
        const bool whole = partial->path.isEmpty() && !m_names.objects.contains(name);
        return Insertion {partial->start, text + QStringLiteral(" }}"), whole ? 0 : 3};
    }
    return Insertion {partial->start, text, 0};
}

void NameCompleter::popUpIn(QPlainTextEdit *editor, bool asked)
{
    const QTextCursor cursor = editor->textCursor();
    // In a script, names are code: none inside a string, template literal text, a comment or a regular
    // expression, which may have begun lines before.
    if (m_syntax == Syntax::Script &&
        !JavaScriptSource::isCodeAt(editor->document()->toPlainText().left(cursor.position()),
                                    cursor.position(), JavaScriptSource::Context::Statements)) {
        popup()->hide();
        return;
    }
    // The cursor's rectangle is in the viewport; the popup is placed against the editor.
    popUpAt(cursor.block().text().left(cursor.positionInBlock()),
            editor->cursorRect().translated(editor->viewport()->pos()), asked);
}

void NameCompleter::insertIn(QPlainTextEdit *editor, const QString &name)
{
    QTextCursor cursor = editor->textCursor();
    const QString line = cursor.block().text();
    const auto completion =
        insertion(line.left(cursor.positionInBlock()), line.mid(cursor.positionInBlock()), name);
    if (!completion)
        return;
    cursor.beginEditBlock(); // one undo step
    cursor.setPosition(cursor.block().position() + completion->start, QTextCursor::KeepAnchor);
    cursor.insertText(completion->text);
    cursor.movePosition(QTextCursor::Left, QTextCursor::MoveAnchor, completion->cursorBack);
    cursor.endEditBlock();
    editor->setTextCursor(cursor);
    popup()->hide();
}

bool NameCompleter::typedText(const QKeyEvent *event)
{
    // A shortcut, unless Alt comes with Ctrl: that is AltGr on some systems, which types "{" and "}".
    const Qt::KeyboardModifiers modifiers = event->modifiers();
    if ((modifiers & (Qt::ControlModifier | Qt::MetaModifier)) && !(modifiers & Qt::AltModifier))
        return false;
    if (event->key() == Qt::Key_Backspace || event->key() == Qt::Key_Delete)
        return true;
    const QString text = event->text();
    return !text.isEmpty() && text.at(0).isPrint();
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
    if (QKeySequence(event->keyCombination()) == askKeys()) {
        showNames();
        return true;
    }
    return false;
}

void NameCompleter::popUpAt(const QString &textBeforeCursor, const QRect &cursorRect, bool asked)
{
    // Once asked for, the names stay offered while the user types on.
    const std::optional<Partial> partial = partialAt(textBeforeCursor, asked || popup()->isVisible());
    const QStringList names = !partial ? QStringList()
        : partial->path.isEmpty()      ? m_rootNames
                                       : fieldsAt(partial->path);
    if (names.isEmpty()) {
        popup()->hide();
        return;
    }
    offer(names);
    setCompletionPrefix(partial->prefix);
    const int count = completionCount();
    if (count == 0 || (count == 1 && currentCompletion() == partial->prefix)) {
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
