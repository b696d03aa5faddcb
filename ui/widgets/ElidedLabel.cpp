#include "ElidedLabel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QPainter>
#include <QStyle>
#include <QTextLayout>

namespace AuthStudio {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    // As wide as the layout makes it: a long text must not widen the window.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    // The painted text can't be selected; the whole of it can be copied.
    auto *copy = new QAction(tr("&Copy"), this);
    connect(copy, &QAction::triggered, this, [this] { QGuiApplication::clipboard()->setText(text()); });
    addAction(copy);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

QString ElidedLabel::oneLine() const
{
    QString line = text();
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return line;
}

QRect ElidedLabel::textRect() const
{
    const int m = margin();
    return contentsRect().adjusted(m, m, -m, -m);
}

bool ElidedLabel::isElided() const
{
    bool elided = false;
    shownLines(&elided);
    return elided;
}

void ElidedLabel::setLineCount(int lines)
{
    m_lineCount = qMax(1, lines);
    updateGeometry();
    update();
}

QStringList ElidedLabel::shownLines(bool *elided) const
{
    const QString text = oneLine();
    const int width = textRect().width();
    const QFontMetrics metrics = fontMetrics();
    QStringList lines;
    QTextLayout layout(text, font());
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.beginLayout();
    int next = 0;
    while (lines.size() < m_lineCount - 1) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(width);
        lines.append(text.mid(line.textStart(), line.textLength()).trimmed());
        next = line.textStart() + line.textLength();
    }
    layout.endLayout();
    // The last line takes the rest, cut if it goes on.
    const QString rest = text.mid(next);
    if (!rest.isEmpty() || lines.isEmpty()) {
        // Measured as sizeHint() measures, so a label given its size hint shows its text whole.
        const bool cut = metrics.horizontalAdvance(rest) > width;
        if (elided)
            *elided = cut;
        lines.append(cut ? metrics.elidedText(rest, Qt::ElideRight, width) : rest);
    } else if (elided) {
        *elided = false;
    }
    return lines;
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins margins = contentsMargins();
    const int m = 2 * margin();
    return {fontMetrics().horizontalAdvance(oneLine()) + margins.left() + margins.right() + m,
            fontMetrics().lineSpacing() * (m_lineCount - 1) + fontMetrics().height() + margins.top() +
                margins.bottom() + m};
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for "…" and a letter or two, as many lines high as set whatever the text.
    const QSize hint = sizeHint();
    return {qMin(hint.width(), fontMetrics().horizontalAdvance(QStringLiteral("Wi\u2026"))), hint.height()};
}

void ElidedLabel::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(this);
    drawFrame(&painter);
    const QRect rect = textRect();
    if (m_lineCount == 1) {
        style()->drawItemText(&painter, rect, QStyle::visualAlignment(layoutDirection(), alignment()),
                              palette(), isEnabled(), shownLines().constFirst(), foregroundRole());
        return;
    }
    // Lines from the top, as a wrapped label's are.
    const Qt::Alignment horizontal = alignment() & Qt::AlignHorizontal_Mask;
    QRect lineRect(rect.topLeft(), QSize(rect.width(), fontMetrics().height()));
    for (const QString &line : shownLines()) {
        style()->drawItemText(&painter, lineRect,
                              QStyle::visualAlignment(layoutDirection(), horizontal | Qt::AlignVCenter),
                              palette(), isEnabled(), line, foregroundRole());
        lineRect.translate(0, fontMetrics().lineSpacing());
    }
}

} // namespace AuthStudio
