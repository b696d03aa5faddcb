// ExpressionDelegate: shows and edits table cells that may hold {{ expressions }} (header and parameter
// values). Cells are marked as the expression fields are (ExpressionMarks: tinted expressions, unknown
// names underlined, a corner flag with the problem as tooltip), and edited with an ExpressionLineEdit, so
// they complete and check names like the other expression fields. A problem the model has with the cell
// (ProblemFlagDelegate::ProblemRole) gets the corner flag too.
#pragma once

#include "ProblemFlagDelegate.h"
#include "script/KnownNames.h"

namespace AuthStudio {

class TemplateAnalysis;

class ExpressionDelegate : public ProblemFlagDelegate
{
    Q_OBJECT
public:
    using ProblemFlagDelegate::ProblemFlagDelegate;

    void setKnownNames(const KnownNames &names);
    KnownNames knownNames() const { return m_knownNames; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

private:
    TemplateAnalysis analyse(const QString &text) const;

    KnownNames m_knownNames;
    QStringList m_allNames;
    bool m_checkNames = false; // until names are handed over, the cells can't tell which are unknown
};

} // namespace AuthStudio
