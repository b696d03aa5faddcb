#include "HintListView.h"

#include <QPainter>

namespace AuthStudio {

void HintListView::setEmptyHint(const QString &hint)
{
    m_hint = hint;
    viewport()->update();
}

void HintListView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (m_hint.isEmpty() || !model() || model()->rowCount(rootIndex()) > 0)
        return;
    QPainter painter(viewport());
    const int margin = fontMetrics().height() / 2;
    const QRect area = viewport()->rect().adjusted(margin, margin, -margin, -margin);
    constexpr int flags = Qt::AlignTop | Qt::AlignLeft | Qt::TextWordWrap;
    const QRect text = painter.boundingRect(area, flags, m_hint);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(area, flags, m_hint);
    if (hasFocus()) {
        // Drawn here rather than by the style: Fusion draws a focus frame only after a key moved the focus,
        // and not at all for a view's viewport.
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
        painter.drawRect(text.adjusted(-margin / 2, -margin / 4, margin / 2, margin / 4));
    }
}

void HintListView::focusInEvent(QFocusEvent *event)
{
    QListView::focusInEvent(event);
    viewport()->update(); // the focus frame
}

void HintListView::focusOutEvent(QFocusEvent *event)
{
    QListView::focusOutEvent(event);
    viewport()->update();
}

} // namespace AuthStudio
