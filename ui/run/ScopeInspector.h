// ScopeInspector: shows a run's scope as a filterable tree (names, values, types) so people can see what
// each step produced and copy a value or the {{ expression }} that reads it into a field. Secrets stay
// masked until "Reveal secrets" is ticked.
#pragma once

#include <QSet>
#include <QStringList>
#include <QWidget>

class QAction;
class QCheckBox;
class QLineEdit;
class QSortFilterProxyModel;
class QHBoxLayout;
class QTimer;
class QToolButton;
class QTreeView;
class QVBoxLayout;

namespace AuthStudio {

class Scope;
class ScopeModel;

class ScopeInspector : public QWidget
{
    Q_OBJECT
public:
    explicit ScopeInspector(QWidget *parent = nullptr);

    // Shows another snapshot, keeping the rows that were expanded and the current row where they still exist.
    void setScope(const Scope &scope);
    ScopeModel *model() const { return m_model; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QTreeView *view() const { return m_view; }

    // Applies at once; typing in the filter box applies after a short pause, so a large scope isn't
    // searched on every key press.
    void setFilterText(const QString &text);
    QString filterText() const;

    // The selected row in ScopeModel terms, or invalid.
    QModelIndex currentIndex() const;
    void setCurrentIndex(const QModelIndex &sourceIndex);

    void copyValue();
    void copyExpression();
    // Unticks "Reveal secrets": for a scope of another resource or run, which the user didn't ask to see.
    void maskSecrets();

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int buttonsWidth() const;
    void placeFilter();
    void applyFilter();
    void updateActions();
    void expandMatches();

    ScopeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_reveal;
    QTreeView *m_view;
    QAction *m_copyValueAction;
    QAction *m_copyExpressionAction;
    QTimer *m_filterTimer;
    QToolButton *m_copyValueButton;
    QToolButton *m_copyExpressionButton;
    QVBoxLayout *m_layout;
    QHBoxLayout *m_toolbar;
    bool m_filterOnOwnRow = false;
    // Paths of the rows people expanded, so the next snapshot opens the same way.
    QSet<QStringList> m_expandedPaths;
    bool m_restoring = false;
};

} // namespace AuthStudio
