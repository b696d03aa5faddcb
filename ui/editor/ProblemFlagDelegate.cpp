#include "ProblemFlagDelegate.h"

#include "widgets/ExpressionMarks.h"

namespace AuthStudio {

void ProblemFlagDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    if (hasProblem(index))
        ExpressionMarks::paintCornerFlag(painter, option.rect);
}

bool ProblemFlagDelegate::hasProblem(const QModelIndex &index)
{
    return !index.data(ProblemRole).toString().isEmpty();
}

} // namespace AuthStudio
