#include "ChoiceDelegate.h"

#include <QApplication>
#include <QComboBox>
#include <QStyle>
#include <QStyleOptionComboBox>

namespace AuthStudio {

ChoiceDelegate::ChoiceDelegate(const QStringList &choices, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_choices(choices)
{ }

QWidget *ChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                      const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->addItems(m_choices);
    // Commit as soon as a choice is picked, rather than when focus leaves the cell.
    connect(combo, &QComboBox::activated, this, [this, combo] {
        // createEditor() is const by Qt's signature, but emitting the delegate's own signals is no change.
        auto *self = const_cast<ChoiceDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentIndex(index.data(Qt::EditRole).toInt());
}

void ChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor))
        model->setData(index, combo->currentIndex(), Qt::EditRole);
}

QSize ChoiceDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    int widest = 0;
    for (const QString &choice : m_choices)
        widest = qMax(widest, option.fontMetrics.horizontalAdvance(choice));
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    QStyleOptionComboBox combo;
    combo.rect = option.rect;
    combo.fontMetrics = option.fontMetrics;
    combo.palette = option.palette;
    const QSize editor = style->sizeFromContents(QStyle::CT_ComboBox, &combo,
                                                 QSize(widest, option.fontMetrics.height()), widget);
    return QStyledItemDelegate::sizeHint(option, index).expandedTo(QSize(editor.width(), 0));
}

} // namespace AuthStudio
