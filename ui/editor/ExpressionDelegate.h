// ExpressionDelegate: edits table cells that may hold {{ expressions }} (header and parameter values)
// with an ExpressionLineEdit, so they complete and check names like the other expression fields.
#pragma once

#include "script/KnownNames.h"

#include <QStyledItemDelegate>

namespace AuthStudio {

class ExpressionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setKnownNames(const KnownNames &names) { m_knownNames = names; }
    KnownNames knownNames() const { return m_knownNames; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;

private:
    KnownNames m_knownNames;
};

} // namespace AuthStudio
