#include "ExpressionDelegate.h"

#include "widgets/ExpressionLineEdit.h"
#include "widgets/ExpressionMarks.h"
#include "widgets/TemplateAnalysis.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace AuthStudio {

void ExpressionDelegate::setKnownNames(const KnownNames &names)
{
    m_knownNames = names;
    m_allNames = names.all();
    m_checkNames = true;
}

TemplateAnalysis ExpressionDelegate::analyse(const QString &text) const
{
    return TemplateAnalysis::of(text, m_checkNames ? &m_allNames : nullptr, m_knownNames.members);
}

void ExpressionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                               const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QString text = index.data(Qt::DisplayRole).toString();
    if (!text.contains(QLatin1String("{{"))) {
        if (hasProblem(index))
            ExpressionMarks::paintCornerFlag(painter, option.rect);
        return;
    }
    const TemplateAnalysis analysis = analyse(text);

    // Where the style put the text: its text rectangle, less the margin it keeps, centred vertically.
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect textRect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget).adjusted(margin, 0, -margin, 0);
    const QFontMetrics metrics(item.font);
    const int top = textRect.top() + (textRect.height() - metrics.height()) / 2;
    const auto xAt = [&](int position) {
        return textRect.left() + metrics.horizontalAdvance(text.left(position));
    };

    painter->save();
    painter->setClipRect(textRect); // an elided value's hidden end is not marked past the cell
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    for (const TemplateAnalysis::Range &range : analysis.expressions) {
        const int left = xAt(range.start);
        const QRectF box(left, top, xAt(range.start + range.length) - left, metrics.height());
        if (selected)
            ExpressionMarks::paintSelectedTint(painter, box, item.palette);
        else
            ExpressionMarks::paintTint(painter, box, item.palette);
    }
    for (const TemplateAnalysis::Range &range : analysis.unknownNameRanges)
        ExpressionMarks::paintUnderline(painter, xAt(range.start), xAt(range.start + range.length),
                                        top + metrics.ascent() + 2);
    painter->restore();
    if (!analysis.diagnostic.isEmpty() || hasProblem(index))
        ExpressionMarks::paintCornerFlag(painter, option.rect);
}

QWidget *ExpressionDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                          const QModelIndex &) const
{
    auto *editor = new ExpressionLineEdit(parent);
    editor->setFrame(false);
    editor->setKnownNames(m_knownNames);
    return editor;
}

bool ExpressionDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                   const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::ToolTip) {
        const QString diagnostic = analyse(index.data(Qt::DisplayRole).toString()).diagnostic;
        if (!diagnostic.isEmpty()) {
            QToolTip::showText(event->globalPos(), diagnostic, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace AuthStudio
