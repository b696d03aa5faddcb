#include "ShortcutsDialog.h"

#include "widgets/FilterLineEdit.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace AuthStudio {

namespace {

// "&Save As…" as the menu shows it: "Save As…".
QString plainText(QString text)
{
    text.replace(QLatin1String("&&"), QStringLiteral("\u0001"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\u0001"), QStringLiteral("&"));
    return text;
}

void addRows(QStandardItemModel *model, const QMenu *menu, const QString &path)
{
    for (QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (const QMenu *submenu = action->menu()) {
            addRows(model, submenu, path + QStringLiteral(" \u203a ") + plainText(submenu->title()));
            continue;
        }
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList written;
        for (const QKeySequence &key : keys)
            written.append(key.toString(QKeySequence::NativeText));
        QList<QStandardItem *> row {new QStandardItem(path), new QStandardItem(plainText(action->text())),
                                    new QStandardItem(written.join(QStringLiteral(", ")))};
        for (QStandardItem *item : row)
            item->setEditable(false);
        row.at(1)->setToolTip(action->toolTip());
        model->appendRow(row);
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_model(new QStandardItemModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_model->setHorizontalHeaderLabels({tr("Menu"), tr("Command"), tr("Keys")});
    for (QAction *action : menus->actions()) {
        if (const QMenu *menu = action->menu())
            addRows(m_model, menu, plainText(menu->title()));
    }

    m_filter->setSourceModel(m_model);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterKeyColumn(-1); // any column: a command's name or its keys
    auto *filter = new FilterLineEdit(this);
    filter->setObjectName(QStringLiteral("shortcutFilter"));
    filter->setPlaceholderText(tr("Filter commands and keys"));
    filter->setAccessibleName(tr("Filter shortcuts"));
    connect(filter, &QLineEdit::textChanged, m_filter, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setObjectName(QStringLiteral("shortcutList"));
    m_view->setAccessibleName(tr("Keyboard shortcuts"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8); // list-like rows
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->resizeColumnsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filter);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(560, 520);
    filter->setFocus();
}

} // namespace AuthStudio
