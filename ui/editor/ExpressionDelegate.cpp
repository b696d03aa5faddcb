#include "ExpressionDelegate.h"

#include "widgets/ExpressionLineEdit.h"

namespace AuthStudio {

QWidget *ExpressionDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                          const QModelIndex &) const
{
    auto *editor = new ExpressionLineEdit(parent);
    editor->setFrame(false);
    editor->setKnownNames(m_knownNames);
    return editor;
}

} // namespace AuthStudio
