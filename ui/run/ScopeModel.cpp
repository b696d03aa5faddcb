#include "ScopeModel.h"

#include "BackgroundRelease.h"
#include "script/EvalResult.h"

#include <QFont>
#include <QJsonArray>
#include <QJsonObject>

#include <utility>

namespace AuthStudio {

namespace {

// Cells show at most this much of a value: laying out a megabyte string in one cell would stall the view.
constexpr qsizetype MaxDisplayLength = 500;
constexpr qsizetype MaxToolTipLength = 2000;

bool isIdentifier(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key.at(i);
        const bool start = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_' || c == u'$';
        if (!start && (i == 0 || !(c >= u'0' && c <= u'9')))
            return false;
    }
    return true;
}

int childCountOf(const QJsonValue &value)
{
    if (value.isObject())
        return int(value.toObject().size());
    if (value.isArray())
        return int(value.toArray().size());
    return 0;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

QString scalarText(const QJsonValue &value)
{
    if (value.isNull())
        return QStringLiteral("null");
    if (value.isUndefined())
        return QStringLiteral("undefined");
    return valueToText(value);
}

QString elided(const QString &text, qsizetype maxLength)
{
    QString shown = text.size() > maxLength ? text.left(maxLength) + QChar(0x2026) : text;
    shown.replace(u'\n', QChar(0x23CE)); // one line per cell
    return shown;
}

} // namespace

struct ScopeModel::Node
{
    Node *parent = nullptr;
    int row = 0;
    QString key; // object member name; empty for array items
    bool isArrayItem = false;
    QJsonValue value;
    bool secretName = false; // the node is (inside) a secret variable
    int childCount = 0;
    // Sized when a view first asks for a child, filled one child at a time, so opening a large body only
    // creates the rows that are shown.
    std::vector<std::unique_ptr<Node>> children;
};

ScopeModel::ScopeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{ }

ScopeModel::~ScopeModel() = default;

void ScopeModel::setScope(const Scope &scope)
{
    beginResetModel();
    // Freed on the thread pool once no index can reach them: the nodes of an opened 60 000-item array,
    // and the previous snapshot's values where this model held their last reference (a new Test run
    // starts), take the better part of 100 ms to free.
    std::unique_ptr<Node> previousRoot = std::move(m_root);
    Scope previous = std::exchange(m_scope, scope);
    m_masker = SecretMasker(scope.secrets());
    m_root = std::make_unique<Node>();
    m_root->value = scope.values();
    m_root->childCount = int(scope.values().size());
    m_nodeCount = 0;
    endResetModel();
    BackgroundRelease::release(std::make_pair(std::move(previousRoot), std::move(previous)));
}

void ScopeModel::setRevealSecrets(bool reveal)
{
    if (m_reveal == reveal)
        return;
    // One layout change instead of a dataChanged() per expanded parent: a filtering proxy re-checks its
    // rows on every dataChanged(), and thousands of them (a filtered large body) would stall the view.
    // Nothing moves, so no persistent index changes.
    Q_EMIT layoutAboutToBeChanged();
    m_reveal = reveal;
    Q_EMIT layoutChanged();
}

ScopeModel::Node *ScopeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

ScopeModel::Node *ScopeModel::childOf(Node *parent, int row) const
{
    if (row < 0 || row >= parent->childCount)
        return nullptr;
    if (parent->children.empty())
        parent->children.resize(size_t(parent->childCount));
    std::unique_ptr<Node> &slot = parent->children[size_t(row)];
    if (!slot) {
        auto node = std::make_unique<Node>();
        node->parent = parent;
        node->row = row;
        if (parent->value.isObject()) {
            const QJsonObject object = parent->value.toObject();
            const auto it = object.constBegin() + row;
            node->key = it.key();
            node->value = it.value();
        } else {
            node->isArrayItem = true;
            node->value = parent->value.toArray().at(row);
        }
        node->secretName = parent == m_root.get() ? m_scope.isSecretName(node->key) : parent->secretName;
        node->childCount = childCountOf(node->value);
        slot = std::move(node);
        ++m_nodeCount;
    }
    return slot.get();
}

bool ScopeModel::containsSecret(const Node *node) const
{
    if (node->secretName)
        return true;
    if (m_masker.isEmpty() || node->value.isObject() || node->value.isArray())
        return false;
    return m_masker.maskJson(node->value) != node->value;
}

bool ScopeModel::isMasked(const Node *node) const
{
    return !m_reveal && containsSecret(node);
}

QString ScopeModel::displayValue(const Node *node) const
{
    if (!m_reveal && node->secretName)
        return SecretMasker::mask();
    if (node->value.isObject())
        return node->childCount == 1 ? tr("{1 key}") : tr("{%1 keys}").arg(node->childCount);
    if (node->value.isArray())
        return node->childCount == 1 ? tr("[1 item]") : tr("[%1 items]").arg(node->childCount);
    return valueTextOf(node->value, node->secretName, m_reveal, m_masker);
}

QString ScopeModel::valueTextOf(const QJsonValue &value, bool secretName, bool reveal,
                                const SecretMasker &masker)
{
    if (!reveal && secretName)
        return SecretMasker::mask();
    return scalarText(reveal ? value : masker.maskJson(value));
}

QString ScopeModel::filterTextOf(const QString &key, bool isArrayItem, const QJsonValue &value,
                                 bool secretName, bool reveal, const SecretMasker &masker)
{
    QString text = isArrayItem ? QString() : (reveal ? key : masker.maskText(key));
    if (!value.isObject() && !value.isArray())
        text += QLatin1Char('\n') + valueTextOf(value, secretName, reveal, masker);
    return text;
}

QString ScopeModel::valueText(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const Node *node = nodeFor(index);
    return valueTextOf(node->value, node->secretName, m_reveal, m_masker);
}

std::function<QString()> ScopeModel::valueTextTask(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return [] { return QString(); };
    const Node *node = nodeFor(index);
    return [value = node->value, secretName = node->secretName, reveal = m_reveal, masker = m_masker] {
        return valueTextOf(value, secretName, reveal, masker);
    };
}

QJsonValue ScopeModel::valueAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return m_root->value;
    return nodeFor(index)->value;
}

QString ScopeModel::keyAt(const QModelIndex &parent, int row) const
{
    const Node *node = nodeFor(parent);
    if (!node->value.isObject() || row < 0 || row >= node->childCount)
        return {};
    const QJsonObject object = node->value.toObject();
    return (object.constBegin() + row).key();
}

QString ScopeModel::expressionFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    QStringList segments;
    for (const Node *node = nodeFor(index); node != m_root.get(); node = node->parent) {
        if (node->isArrayItem) {
            segments.prepend(QStringLiteral("[%1]").arg(node->row));
        } else if (node->parent == m_root.get() || isIdentifier(node->key)) {
            segments.prepend(node->parent == m_root.get() ? node->key : QLatin1Char('.') + node->key);
        } else {
            QString key = node->key;
            key.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
            segments.prepend(QStringLiteral("['%1']").arg(key));
        }
    }
    return QStringLiteral("{{ %1 }}").arg(segments.join(QString()));
}

QStringList ScopeModel::pathFor(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    QStringList path;
    for (const Node *node = nodeFor(index); node != m_root.get(); node = node->parent)
        path.prepend(node->isArrayItem ? QStringLiteral("[%1]").arg(node->row) : node->key);
    return path;
}

QModelIndex ScopeModel::indexForPath(const QStringList &path) const
{
    Node *node = m_root.get();
    for (const QString &segment : path) {
        int row = -1;
        if (node->value.isObject()) {
            const QJsonObject object = node->value.toObject();
            const auto it = object.constFind(segment);
            if (it != object.constEnd())
                row = int(it - object.constBegin());
        } else if (node->value.isArray() && segment.startsWith(u'[') && segment.endsWith(u']')) {
            bool ok = false;
            row = segment.mid(1, segment.size() - 2).toInt(&ok);
            if (!ok)
                row = -1;
        }
        node = childOf(node, row);
        if (!node)
            return {};
    }
    return node == m_root.get() ? QModelIndex() : createIndex(node->row, 0, node);
}

QModelIndex ScopeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    Node *child = childOf(nodeFor(parent), row);
    return child ? createIndex(row, column, child) : QModelIndex();
}

QModelIndex ScopeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *parentNode = nodeFor(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, 0, parentNode);
}

int ScopeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return nodeFor(parent)->childCount;
}

int ScopeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ScopeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant ScopeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case NameColumn:
            if (node->isArrayItem)
                return QStringLiteral("[%1]").arg(node->row);
            return m_reveal ? node->key : m_masker.maskText(node->key);
        case ValueColumn:
            return elided(displayValue(node), MaxDisplayLength);
        case TypeColumn:
            return typeName(node->value);
        }
        break;
    case Qt::ToolTipRole: {
        QString tip = expressionFor(index);
        if (node->childCount == 0 || (!m_reveal && node->secretName))
            tip += QLatin1Char('\n') + elided(valueText(index), MaxToolTipLength);
        return tip;
    }
    case Qt::FontRole:
        if (index.column() == ValueColumn && isMasked(node)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case FilterTextRole:
        return filterTextOf(node->key, node->isArrayItem, node->value, node->secretName, m_reveal, m_masker);
    case ExpressionRole:
        return expressionFor(index);
    case ValueTextRole:
        return valueText(index);
    case SecretRole:
        return containsSecret(node);
    default:
        break;
    }
    return {};
}

QVariant ScopeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

Qt::ItemFlags ScopeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeFor(index)->childCount == 0)
        result |= Qt::ItemNeverHasChildren;
    return result;
}

} // namespace AuthStudio
