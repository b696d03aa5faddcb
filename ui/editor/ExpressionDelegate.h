// ExpressionDelegate: edits table cells that may hold {{ expressions }} (header and parameter values)
// with an ExpressionLineEdit, so they complete and check names like the other expression fields.
#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace AuthStudio {

class ExpressionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setKnownNames(const QStringList &names) { m_knownNames = names; }
    QStringList knownNames() const { return m_knownNames; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;

private:
    QStringList m_knownNames;
};

} // namespace AuthStudio
