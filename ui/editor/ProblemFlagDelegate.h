// ProblemFlagDelegate: draws a table cell as usual, plus the corner flag the expression fields show for a
// problem, when the model says the cell has one (ProblemRole). A model's tint for such a cell is hidden
// under a selected row's highlight, which is where a cell just typed or pasted into is: a pasted value
// holding a line break showed nothing until Save refused it (QA pass 40). The flag shows either way.
#pragma once

#include <QStyledItemDelegate>

namespace AuthStudio {

class ProblemFlagDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    // The role whose text says what is wrong with a cell; empty or none when nothing is.
    static constexpr int ProblemRole = Qt::UserRole + 0x50;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    static bool hasProblem(const QModelIndex &index);
};

} // namespace AuthStudio
