#include "CodeEditor.h"

#include "ExpressionMarks.h"
#include "JavaScriptHighlighter.h"
#include "NameCompleter.h"
#include "StudioColors.h"
#include "StudioFonts.h"
#include "TemplateAnalysis.h"
#include "script/ResourceReferences.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QPaintEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QToolTip>

namespace AuthStudio {

namespace {
constexpr int GutterPadding = 6;
constexpr int MarkerWidth = 4;
} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new QWidget(this))
    , m_completer(new NameCompleter(this, NameCompleter::Syntax::Script))
{
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            [this](const QString &name) { m_completer->insertIn(this, name); });
    m_gutter->setObjectName(QStringLiteral("lineNumberArea"));
    m_gutter->installEventFilter(this);
    setFont(StudioFonts::monospace());
    setLineWrapMode(QPlainTextEdit::NoWrap); // line numbers then match the lines error messages name
    setTabStopDistance(4 * fontMetrics().horizontalAdvance(u' '));
    setAccessibleName(tr("Code"));
    // The code is a field of the workspace: every edit is a command on the document's undo stack, which
    // the window's Undo and Redo walk (Ctrl+Z too, the context menu's Undo). A history of the editor's
    // own ran across saves and steps shown before, and undid them behind the document's back.
    setUndoRedoEnabled(false);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateExtraSelections);
    connect(this, &QPlainTextEdit::textChanged, this, &CodeEditor::findUnknownNames);
    updateGutterWidth();
    updateExtraSelections();
}

void CodeEditor::setKnownNames(const KnownNames &names)
{
    m_completer->setNames(names);
    // Only step names, and names shaped like one (http2), are flagged, never other names the code doesn't
    // declare: those may be the engine's globals (JSON, auth, btoa, ...), which the studio doesn't list.
    const QStringList known = names.all();
    if (!m_namesKnown || names.unavailableSteps != m_unavailableSteps || known != m_knownNames) {
        m_namesKnown = true;
        m_unavailableSteps = names.unavailableSteps;
        m_knownNames = known;
        findUnknownNames();
    }
}

void CodeEditor::findUnknownNames()
{
    const QString code = toPlainText();
    QStringList unknown = m_unavailableSteps;
    // Until the editor is told the names, every step-shaped name would be "unknown".
    for (const QString &name : m_namesKnown ? ResourceReferences::stepShapedNames(code) : QStringList()) {
        if (!m_knownNames.contains(name) && !unknown.contains(name))
            unknown.append(name);
    }
    QList<JavaScriptSource::Range> ranges =
        JavaScriptSource::rootReferences(code, unknown, JavaScriptSource::Context::Statements);
    QStringList names;
    for (const JavaScriptSource::Range &range : std::as_const(ranges)) {
        const QString name = code.mid(range.start, range.length);
        if (!names.contains(name))
            names.append(name);
    }
    QStringList messages;
    for (const QString &name : std::as_const(names))
        messages.append(TemplateAnalysis::unknownNameMessage(name));
    const QString diagnostic = messages.join(u'\n');
    if (ranges == m_unknownRanges && diagnostic == m_diagnostic)
        return;
    m_unknownRanges = std::move(ranges);
    if (diagnostic != m_diagnostic) {
        m_diagnostic = diagnostic;
        setAccessibleDescription(m_diagnostic);
        Q_EMIT diagnosticChanged(m_diagnostic);
    }
    updateExtraSelections();
}

void CodeEditor::showCompletions(bool asked)
{
    m_completer->popUpIn(this, asked);
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->takesKey(event, [this] { showCompletions(true); }))
        return;
    if (indentsFor(event))
        return;
    QPlainTextEdit::keyPressEvent(event);
    // Typing (or erasing) offers what fits; moving the cursor doesn't.
    if (NameCompleter::typedText(event))
        showCompletions();
}

bool CodeEditor::indentsFor(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool enter = (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier);
    const QString typed = event->text();
    const bool closer =
        typed == QLatin1String("}") || typed == QLatin1String("]") || typed == QLatin1String(")");
    if ((!enter && !closer) || isReadOnly())
        return false;
    QTextCursor cursor = textCursor();
    const QString line = cursor.block().text();
    const int column = cursor.positionInBlock();
    qsizetype indentEnd = 0;
    while (indentEnd < line.size() && (line.at(indentEnd) == u' ' || line.at(indentEnd) == u'\t'))
        ++indentEnd;
    const QString indent = line.left(indentEnd);
    // One level: a tab where the line is indented with tabs, else four spaces (the tab stops' width).
    const QString level = indent.contains(u'\t') ? QStringLiteral("\t") : QStringLiteral("    ");
    if (closer) {
        // Only on a line of nothing but indentation, typed at its end.
        if (cursor.hasSelection() || column != line.size() || indentEnd != line.size() || indent.isEmpty())
            return false;
        cursor.beginEditBlock();
        cursor.movePosition(QTextCursor::StartOfBlock);
        cursor.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor,
                            int(indent.endsWith(level) ? level.size() : 1));
        cursor.removeSelectedText();
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertText(typed);
        cursor.endEditBlock();
        setTextCursor(cursor);
        return true;
    }
    const QString before = line.left(column).trimmed();
    const QString after = line.mid(column).trimmed();
    const bool opens = before.endsWith(u'{') || before.endsWith(u'[') || before.endsWith(u'(');
    cursor.beginEditBlock();
    cursor.removeSelectedText();
    cursor.insertText(QStringLiteral("\n") + indent + (opens ? level : QString()));
    // Between a pair ("{|}"): the closer goes on a line of its own, back at the line's indentation.
    const bool closerFollows = opens && !after.isEmpty() && QStringLiteral("}])").contains(after.front()) &&
        QStringLiteral("{[(").indexOf(before.back()) == QStringLiteral("}])").indexOf(after.front());
    if (closerFollows) {
        const int keep = cursor.position();
        cursor.insertText(QStringLiteral("\n") + indent);
        cursor.setPosition(keep);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
    return true;
}

void CodeEditor::insertFromMimeData(const QMimeData *source)
{
    if (!source->hasText()) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    QString text = source->text();
    text.replace(QChar(0x2028), u'\n').replace(QChar(0x2029), u'\n');
    insertPlainText(text);
}

int CodeEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = qMax(digits, 2); // the gutter doesn't jump when line 10 appears
    return GutterPadding * 2 + MarkerWidth + fontMetrics().horizontalAdvance(u'9') * digits;
}

void CodeEditor::setErrorLine(int line, const QString &message)
{
    const QTextBlock block = line > 0 ? document()->findBlockByNumber(line - 1) : QTextBlock();
    if (block.isValid()) {
        m_errorCursor = QTextCursor(block);
        m_errorMessage = message;
    } else {
        m_errorCursor = QTextCursor();
        m_errorMessage.clear();
    }
    m_gutter->setToolTip(m_errorMessage);
    updateExtraSelections();
    m_gutter->update();
}

int CodeEditor::errorLine() const
{
    return m_errorCursor.isNull() ? 0 : m_errorCursor.blockNumber() + 1;
}

int CodeEditor::lineFromErrorMessage(const QString &message)
{
    static const QRegularExpression pattern(QStringLiteral(R"(\(line (\d+)\))"));
    const QRegularExpressionMatch match = pattern.match(message);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

void CodeEditor::updateGutterWidth()
{
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    updateGutterGeometry(); // a wider margin alone doesn't resize the editor, so no resizeEvent follows
}

void CodeEditor::updateGutterGeometry()
{
    const QRect contents = contentsRect();
    m_gutter->setGeometry(QRect(contents.left(), contents.top(), lineNumberAreaWidth(), contents.height()));
}

void CodeEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateGutterWidth();
        updateExtraSelections();
    }
    if (event->type() == QEvent::PaletteChange) {
        // A switch between light and dark themes recolours the code too.
        const QList<JavaScriptHighlighter *> highlighters =
            document()->findChildren<JavaScriptHighlighter *>(Qt::FindDirectChildrenOnly);
        for (JavaScriptHighlighter *highlighter : highlighters)
            highlighter->setPalette(palette());
    }
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int position = cursorForPosition(help->pos()).position();
        const QString code = toPlainText();
        for (const JavaScriptSource::Range &range : std::as_const(m_unknownRanges)) {
            if (position >= range.start && position <= range.start + range.length) {
                QToolTip::showText(help->globalPos(),
                                   TemplateAnalysis::unknownNameMessage(code.mid(range.start, range.length)),
                                   viewport());
                return true;
            }
        }
    }
    return QPlainTextEdit::viewportEvent(event);
}

bool CodeEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_gutter && event->type() == QEvent::Paint) {
        paintGutter(static_cast<QPaintEvent *>(event));
        return true;
    }
    return QPlainTextEdit::eventFilter(watched, event);
}

void CodeEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::Window));
    painter.setFont(font());

    const int errorBlock = errorLine() - 1;
    const int currentBlock = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int lineHeight = fontMetrics().height();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber();
            if (number == errorBlock)
                painter.fillRect(0, top, MarkerWidth, bottom - top, StudioColors::error());
            QColor color = pal.color(QPalette::PlaceholderText);
            if (number == currentBlock)
                color = pal.color(QPalette::Text);
            painter.setPen(color);
            painter.drawText(0, top, m_gutter->width() - GutterPadding, lineHeight, Qt::AlignRight,
                             QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection current;
        // The highlight colour at low strength keeps text readable on light and dark bases.
        QColor color = palette().color(QPalette::Highlight);
        color.setAlpha(40);
        current.format.setBackground(color);
        current.format.setProperty(QTextFormat::FullWidthSelection, true);
        current.cursor = textCursor();
        current.cursor.clearSelection();
        selections.append(current);
    }
    if (!m_errorCursor.isNull()) {
        QTextEdit::ExtraSelection error;
        QColor background = StudioColors::error(palette());
        // Fainter on a dark base, where the lighter red at the light theme's strength left the code on the
        // line at 2.9:1 (QA pass 37).
        background.setAlpha(StudioColors::isDark(palette()) ? 40 : 70);
        error.format.setBackground(background);
        error.format.setProperty(QTextFormat::FullWidthSelection, true);
        error.format.setToolTip(m_errorMessage);
        error.cursor = QTextCursor(m_errorCursor.block());
        selections.append(error);
    }
    for (const JavaScriptSource::Range &range : std::as_const(m_unknownRanges)) {
        QTextEdit::ExtraSelection unknown;
        unknown.format = ExpressionMarks::unknownNameFormat();
        unknown.cursor = QTextCursor(document());
        unknown.cursor.setPosition(int(range.start));
        unknown.cursor.setPosition(int(range.start + range.length), QTextCursor::KeepAnchor);
        selections.append(unknown);
    }
    setExtraSelections(selections);
}

} // namespace AuthStudio
