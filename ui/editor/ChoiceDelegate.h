// ChoiceDelegate: edits a table column that holds one of a few fixed choices (a form field's type) with a
// combo box. The model's EditRole value is the choice's index.
#pragma once

#include <QStringList>
#include <QStyledItemDelegate>

namespace AuthStudio {

class ChoiceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ChoiceDelegate(const QStringList &choices, QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    // Wide enough for the combo box that edits the cell with its longest choice: a column sized to its
    // contents cut "Password" to "Passw" while it was being edited.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QStringList m_choices;
};

} // namespace AuthStudio
