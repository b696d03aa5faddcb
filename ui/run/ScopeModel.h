// ScopeModel: a tree over a Scope snapshot for the scope inspector (columns Name, Value, Type). Objects and
// arrays expand; nodes are created only when a view asks for them, so a multi-megabyte JSON body opens at
// once. Secret variables and any text holding a secret value show as "********" until secrets are revealed.
#pragma once

#include "script/Scope.h"
#include "script/SecretMasker.h"

#include <QAbstractItemModel>
#include <QJsonValue>

#include <functional>
#include <memory>
#include <vector>

namespace AuthStudio {

class ScopeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        ExpressionRole = Qt::UserRole + 1, // "{{ http1.body.token }}"
        ValueTextRole, // the value as text, masked unless secrets are revealed
        SecretRole, // bool: the value is masked (or would be, when revealed)
        // Name and value (of a leaf) in one string, masked unless revealed: what a filter searches, in
        // one call per row rather than one per column, and never matching type names or "{3 keys}".
        FilterTextRole,
    };

    explicit ScopeModel(QObject *parent = nullptr);
    ~ScopeModel() override;

    void setScope(const Scope &scope);
    const Scope &scope() const { return m_scope; }
    void setRevealSecrets(bool reveal);
    bool revealSecrets() const { return m_reveal; }

    // The value as text for copying: strings as they are, other values as compact JSON. Masked unless
    // secrets are revealed.
    QString valueText(const QModelIndex &index) const;
    // The same text, made by the returned function from copies of what it needs: a large value's (megabytes
    // of JSON to write out and mask) can be made on another thread while the window stays responsive.
    std::function<QString()> valueTextTask(const QModelIndex &index) const;
    // The row's value (unmasked): for sizing it up.
    QJsonValue valueAt(const QModelIndex &index) const;
    // The key of the row `row` under `parent` when it is an object member, else empty; makes no node.
    QString keyAt(const QModelIndex &parent, int row) const;
    // What FilterTextRole gives a row of this key and value: a filter runs on values alone (ScopeSearch).
    static QString filterTextOf(const QString &key, bool isArrayItem, const QJsonValue &value,
                                bool secretName, bool reveal, const SecretMasker &masker);
    // The expression that reads this value in a template: {{ http1.body['content-type'] }}, {{ items[0] }}.
    QString expressionFor(const QModelIndex &index) const;
    // A node's path from the top: keys ("http1", "body", "json") and array positions ("[0]"); the inverse
    // of indexForPath(). Views use it to keep rows expanded and selected when the scope changes.
    QStringList pathFor(const QModelIndex &index) const;
    QModelIndex indexForPath(const QStringList &path) const;
    // How many nodes exist: lets tests check that nodes are only made when asked for.
    int nodeCount() const { return m_nodeCount; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node;

    Node *nodeFor(const QModelIndex &index) const;
    Node *childOf(Node *parent, int row) const;
    bool isMasked(const Node *node) const;
    bool containsSecret(const Node *node) const;
    QString displayValue(const Node *node) const;
    static QString valueTextOf(const QJsonValue &value, bool secretName, bool reveal,
                               const SecretMasker &masker);

    Scope m_scope;
    SecretMasker m_masker;
    std::unique_ptr<Node> m_root;
    mutable int m_nodeCount = 0;
    bool m_reveal = false;
};

} // namespace AuthStudio
