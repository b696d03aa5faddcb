#include "ReferenceRenamer.h"

#include "JavaScriptIdentifier.h"
#include "Template.h"
#include "format/WorkspaceValidator.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <variant>

namespace AuthStudio {

namespace {

// Words after which "/" starts a regular expression rather than a division.
bool isKeywordBeforeExpression(const QString &word)
{
    static const QStringList keywords {
        QStringLiteral("return"), QStringLiteral("typeof"),    QStringLiteral("case"),
        QStringLiteral("do"),     QStringLiteral("else"),      QStringLiteral("in"),
        QStringLiteral("of"),     QStringLiteral("new"),       QStringLiteral("delete"),
        QStringLiteral("void"),   QStringLiteral("throw"),     QStringLiteral("yield"),
        QStringLiteral("await"),  QStringLiteral("instanceof")};
    return keywords.contains(word);
}

// Words after which "{" opens an object literal or a destructuring pattern rather than a block.
bool isWordBeforeObject(const QString &word)
{
    static const QStringList words {QStringLiteral("const"), QStringLiteral("let"), QStringLiteral("var")};
    return (isKeywordBeforeExpression(word) && word != QStringLiteral("do") &&
            word != QStringLiteral("else")) ||
        words.contains(word);
}

// A small JavaScript lexer: just enough to tell identifiers in code from the same letters in strings,
// template literal text, comments and regular expression literals, to see the token before and the
// character after each identifier, and to tell an object literal's braces from a block's.
class ScriptRewriter
{
public:
    // A JavaScript step's code is a function body (statements); the inside of a {{ }} is one expression,
    // where a leading "{" opens an object.
    enum class Context { Statements, Expression };

    ScriptRewriter(const QString &code, const QString &oldName, const QString &newName, Context context)
        : m_code(code)
        , m_oldName(oldName)
        , m_newName(newName)
        , m_context(context)
    { }

    QString run()
    {
        m_out.reserve(m_code.size() + 16);
        while (m_pos < m_code.size()) {
            if (m_inTemplateText)
                templateText();
            else
                token();
        }
        return m_out;
    }

private:
    QChar at(qsizetype i) const { return i < m_code.size() ? m_code.at(i) : QChar(); }

    void copyTo(qsizetype end)
    {
        end = qMin(end, m_code.size());
        m_out += QStringView(m_code).mid(m_pos, end - m_pos);
        m_pos = end;
    }

    // The previous token lets "/" be a division after a value and a regular expression elsewhere.
    bool regexAllowed() const
    {
        if (m_previous.isEmpty())
            return true;
        if (m_previousWasWord)
            return isKeywordBeforeExpression(m_previous);
        static const QString valueEnds = QStringLiteral(")]}");
        return !m_previousWasValue && !valueEnds.contains(m_previous.back());
    }

    void setPrevious(const QString &token, bool word, bool value)
    {
        m_previous = token;
        m_previousWasWord = word;
        m_previousWasValue = value;
    }

    qsizetype skipQuoted(qsizetype from, QChar quote) const
    {
        qsizetype i = from + 1;
        while (i < m_code.size()) {
            const QChar c = m_code.at(i);
            if (c == u'\\')
                i += 2;
            else if (c == quote || c == u'\n')
                return i + 1; // an unterminated string ends at the line's end, as the engine reports it
            else
                ++i;
        }
        return m_code.size();
    }

    qsizetype skipRegex(qsizetype from) const
    {
        qsizetype i = from + 1;
        bool inClass = false;
        while (i < m_code.size()) {
            const QChar c = m_code.at(i);
            if (c == u'\\') {
                i += 2;
                continue;
            }
            if (c == u'\n')
                return i;
            if (c == u'[')
                inClass = true;
            else if (c == u']')
                inClass = false;
            else if (c == u'/' && !inClass) {
                ++i;
                while (i < m_code.size() && JavaScriptIdentifier::isPart(m_code.at(i)))
                    ++i; // flags
                return i;
            }
            ++i;
        }
        return i;
    }

    // Template literal text up to its end or the next "${".
    void templateText()
    {
        qsizetype i = m_pos;
        while (i < m_code.size()) {
            const QChar c = m_code.at(i);
            if (c == u'\\') {
                i += 2;
            } else if (c == u'`') {
                copyTo(i + 1);
                m_inTemplateText = false;
                setPrevious(QStringLiteral("`"), false, true);
                return;
            } else if (c == u'$' && at(i + 1) == u'{') {
                copyTo(i + 2);
                m_inTemplateText = false;
                m_templateDepths.append(m_braceDepth);
                ++m_braceDepth;
                m_brackets.append(u'$');
                m_openConditionals.append(0);
                setPrevious(QStringLiteral("{"), false, false);
                return;
            } else {
                ++i;
            }
        }
        copyTo(i);
    }

    void token()
    {
        const QChar c = m_code.at(m_pos);
        if (c.isSpace()) {
            copyTo(m_pos + 1);
        } else if (c == u'/' && at(m_pos + 1) == u'/') {
            const qsizetype end = m_code.indexOf(u'\n', m_pos);
            copyTo(end < 0 ? m_code.size() : end);
        } else if (c == u'/' && at(m_pos + 1) == u'*') {
            const qsizetype end = m_code.indexOf(QStringLiteral("*/"), m_pos + 2);
            copyTo(end < 0 ? m_code.size() : end + 2);
        } else if (c == u'"' || c == u'\'') {
            copyTo(skipQuoted(m_pos, c));
            setPrevious(QString(c), false, true);
        } else if (c == u'`') {
            copyTo(m_pos + 1);
            m_inTemplateText = true;
        } else if (c == u'/' && regexAllowed()) {
            copyTo(skipRegex(m_pos));
            setPrevious(QStringLiteral("/"), false, true);
        } else if (c.isDigit()) {
            qsizetype end = m_pos + 1;
            while (end < m_code.size() &&
                   (JavaScriptIdentifier::isPart(m_code.at(end)) || m_code.at(end) == u'.'))
                ++end;
            copyTo(end);
            setPrevious(QStringLiteral("0"), false, true);
        } else if (JavaScriptIdentifier::isStart(c)) {
            identifier();
        } else {
            punctuation(c);
        }
    }

    void identifier()
    {
        qsizetype end = m_pos + 1;
        while (end < m_code.size() && JavaScriptIdentifier::isPart(m_code.at(end)))
            ++end;
        const QString word = m_code.mid(m_pos, end - m_pos);
        if (word == QStringLiteral("class") && !isPropertyName()) {
            m_classPending = true; // its body is the next "{" at this bracket depth
            m_classDepth = m_brackets.size();
        }
        if (word == m_oldName && isRootReference(end)) {
            // { http1 } means { http1: http1 }: keep the key, rename the value. In a destructuring
            // pattern ({ http1 } = x) this keeps the property read and renames the local, whose other
            // uses are root references and are renamed with it.
            if (isShorthandProperty(end))
                m_out += m_oldName + QStringLiteral(": ");
            m_out += m_newName;
            m_pos = end;
        } else {
            copyTo(end);
        }
        setPrevious(word, true, false);
    }

    bool isPropertyName() const
    {
        return m_previous == QStringLiteral(".") || m_previous == QStringLiteral("?.");
    }

    bool isRootReference(qsizetype end) const
    {
        // foo.http1 and foo?.http1 are properties; ...http1 (spread) is a reference.
        if (isPropertyName())
            return false;
        qsizetype next = end;
        while (next < m_code.size() && m_code.at(next).isSpace())
            ++next;
        const QChar innermost = m_brackets.isEmpty() ? QChar() : m_brackets.last();
        const bool memberStart = m_previous == QStringLiteral("{") || m_previous == QStringLiteral(",") ||
            (m_previousWasWord &&
             (m_previous == QStringLiteral("get") || m_previous == QStringLiteral("set") ||
              m_previous == QStringLiteral("async") || m_previous == QStringLiteral("static"))) ||
            m_previous == QStringLiteral("*");
        // { http1: 1 } and { a: 1, http1: 2 } name keys, not the step; so do { http1() {} } and
        // { get http1() {} }, methods of an object.
        if ((m_previous == QStringLiteral("{") || m_previous == QStringLiteral(",")) && at(next) == u':' &&
            at(next + 1) != u':')
            return false;
        if (innermost == ObjectBrace && memberStart && at(next) == u'(')
            return false;
        // In a class body, a name at the start of a member is the field's or method's name
        // (class A { http1 = 1; http1() {} static http1 }).
        if (innermost == ClassBrace &&
            (memberStart || m_previous == QStringLiteral(";") || m_previous == QStringLiteral("}")))
            return false;
        return true;
    }

    // A name alone between "{" or "," and ",", "}" or a default value's "=", directly inside an object
    // literal's braces (not a block's: { a, http1 } as a statement is a comma expression).
    bool isShorthandProperty(qsizetype end) const
    {
        if (m_brackets.isEmpty() || m_brackets.last() != ObjectBrace)
            return false;
        if (m_previous != QStringLiteral("{") && m_previous != QStringLiteral(","))
            return false;
        qsizetype next = end;
        while (next < m_code.size() && m_code.at(next).isSpace())
            ++next;
        const QChar after = at(next);
        if (after == u'=')
            return at(next + 1) != u'=' && at(next + 1) != u'>';
        return after == u',' || after == u'}';
    }

    void punctuation(QChar c)
    {
        if (c == u'.' && at(m_pos + 1) == u'.' && at(m_pos + 2) == u'.') {
            copyTo(m_pos + 3);
            setPrevious(QStringLiteral("..."), false, false);
            return;
        }
        if (c == u'?' && at(m_pos + 1) == u'.' && !at(m_pos + 2).isDigit()) {
            copyTo(m_pos + 2);
            setPrevious(QStringLiteral("?."), false, false);
            return;
        }
        if (c == u'=' && at(m_pos + 1) == u'>') {
            copyTo(m_pos + 2);
            setPrevious(QStringLiteral("=>"), false, false);
            return;
        }
        if (c == u'?' && at(m_pos + 1) == u'?') { // ?? and ??= are no conditional
            copyTo(m_pos + (at(m_pos + 2) == u'=' ? 3 : 2));
            setPrevious(QStringLiteral("??"), false, false);
            return;
        }
        if (c == u'?') {
            ++m_openConditionals.last();
        } else if (c == u':') {
            // What a "{" after it opens: the else-value of a conditional and a key's value are objects;
            // after a label or "case x:", a block.
            if (m_openConditionals.last() > 0) {
                --m_openConditionals.last();
                m_colonBeforeObject = true;
            } else {
                m_colonBeforeObject = m_brackets.isEmpty()
                    ? m_context == Context::Expression
                    : m_brackets.last() != BlockBrace && m_brackets.last() != ClassBrace;
            }
        }
        if (c == u'{') {
            const bool classBody = m_classPending && m_brackets.size() == m_classDepth;
            m_brackets.append(classBody ? ClassBrace : opensObject() ? ObjectBrace : BlockBrace);
            m_classPending = m_classPending && !classBody;
            m_openConditionals.append(0);
        } else if (c == u'(' || c == u'[') {
            m_brackets.append(c);
            m_openConditionals.append(0);
        } else if ((c == u'}' || c == u')' || c == u']') && !m_brackets.isEmpty()) {
            m_brackets.removeLast();
            m_openConditionals.removeLast();
        }
        if (c == u'{') {
            ++m_braceDepth;
        } else if (c == u'}') {
            --m_braceDepth;
            if (!m_templateDepths.isEmpty() && m_braceDepth == m_templateDepths.last()) {
                // The end of a ${ } inside a template literal: its text goes on.
                m_templateDepths.removeLast();
                copyTo(m_pos + 1);
                m_inTemplateText = true;
                return;
            }
        }
        copyTo(m_pos + 1);
        setPrevious(QString(c), false, false);
    }

    // Whether a "{" here opens an object literal (or a destructuring pattern), from the token before it, as
    // JavaScript tools without a full parser decide: after a value, ")", "=>", ";", "}" or "else" it is
    // a block.
    bool opensObject() const
    {
        if (m_previous.isEmpty())
            return m_context == Context::Expression;
        if (m_previousWasWord)
            return isWordBeforeObject(m_previous);
        if (m_previousWasValue)
            return false;
        if (m_previous == QStringLiteral("{"))
            return !m_brackets.isEmpty() && m_brackets.last() == u'$'; // `${ {a: 1}.a }`
        if (m_previous == QStringLiteral(":"))
            return m_colonBeforeObject;
        static const QStringList beforeBlock {QStringLiteral(")"), QStringLiteral("=>"), QStringLiteral(";"),
                                              QStringLiteral("}")};
        return !beforeBlock.contains(m_previous);
    }

    static constexpr QChar ObjectBrace = u'{';
    static constexpr QChar BlockBrace = u'B';
    static constexpr QChar ClassBrace = u'C';

    const QString &m_code;
    const QString &m_oldName;
    const QString &m_newName;
    const Context m_context;
    QString m_out;
    qsizetype m_pos = 0;
    QString m_previous; // the previous token: a word, or punctuation
    bool m_previousWasWord = false;
    bool m_previousWasValue = false; // a string, number or regular expression literal
    bool m_inTemplateText = false;
    int m_braceDepth = 0;
    QList<int> m_templateDepths; // brace depths at which open ${ } parts close
    QList<QChar> m_brackets; // the open brackets: ObjectBrace, BlockBrace, ClassBrace, '(', '[', '$' for ${
    QList<int> m_openConditionals {0}; // "?" waiting for their ":", outside any bracket, then per bracket
    bool m_colonBeforeObject = false; // whether a "{" right after the last ":" opens an object
    bool m_classPending = false; // "class" seen, its body not opened yet
    qsizetype m_classDepth = 0; // m_brackets' size where it was seen
};

// Code that doesn't mention the old name is returned as it is, without lexing it.
QString rewriteScript(const QString &code, const QString &oldName, const QString &newName,
                      ScriptRewriter::Context context)
{
    return code.contains(oldName) ? ScriptRewriter(code, oldName, newName, context).run() : code;
}

Workflow &workflowOf(Resource &resource, ReferenceRenamer::WorkflowPart part)
{
    return part == ReferenceRenamer::WorkflowPart::Auth ? resource.customAuth.authWorkflow
                                                        : resource.customAuth.refreshWorkflow;
}

} // namespace

ReferenceRenamer::ReferenceRenamer(const QString &oldName, const QString &newName)
    : m_oldName(oldName)
    , m_newName(newName)
    , m_active(oldName != newName && WorkspaceValidator::isIdentifier(oldName) &&
               WorkspaceValidator::isIdentifier(newName))
{ }

QString ReferenceRenamer::renameInScript(const QString &code) const
{
    return m_active ? rewriteScript(code, m_oldName, m_newName, ScriptRewriter::Context::Statements) : code;
}

QString ReferenceRenamer::renameInTemplate(const QString &text) const
{
    if (!m_active || !text.contains(m_oldName) || !text.contains(QStringLiteral("{{")))
        return text;
    const std::shared_ptr<const Template> parsed = Template::parse(text);
    QString result;
    qsizetype copied = 0;
    for (const Template::Part &part : parsed->parts()) {
        if (part.kind == Template::Part::Kind::Literal || part.sourceStart < 0)
            continue;
        // Inside the braces, spaces included, so the text keeps its layout.
        const qsizetype innerStart = part.sourceStart + 2;
        const qsizetype innerLength = part.sourceLength - 4;
        result += QStringView(text).mid(copied, innerStart - copied);
        result += rewriteScript(text.mid(innerStart, innerLength), m_oldName, m_newName,
                                ScriptRewriter::Context::Expression);
        copied = innerStart + innerLength;
    }
    result += QStringView(text).mid(copied);
    return result;
}

QString ReferenceRenamer::renameInJsonTemplate(const QString &json) const
{
    if (!m_active || !json.contains(m_oldName))
        return json;
    QString result;
    qsizetype copied = 0;
    qsizetype i = 0;
    while ((i = json.indexOf(u'"', i)) >= 0) {
        qsizetype end = i + 1;
        while (end < json.size() && json.at(end) != u'"')
            end += json.at(end) == u'\\' ? 2 : 1;
        if (end >= json.size())
            break; // unterminated: leave the rest as it is
        const QString literal = json.mid(i, end + 1 - i);
        if (literal.contains(QStringLiteral("{{"))) {
            // Decode the JSON string, rename in the template it holds, and encode it back.
            const QJsonDocument decoded =
                QJsonDocument::fromJson(QString(QLatin1Char('[') + literal + QLatin1Char(']')).toUtf8());
            if (decoded.isArray() && decoded.array().size() == 1 && decoded.array().first().isString()) {
                const QString text = decoded.array().first().toString();
                const QString renamed = renameInTemplate(text);
                if (renamed != text) {
                    const QString encoded =
                        QString::fromUtf8(QJsonDocument(QJsonArray {renamed}).toJson(QJsonDocument::Compact));
                    result += QStringView(json).mid(copied, i - copied);
                    result += QStringView(encoded).mid(1, encoded.size() - 2);
                    copied = end + 1;
                }
            }
        }
        i = end + 1;
    }
    result += QStringView(json).mid(copied);
    return result;
}

void ReferenceRenamer::renameInKeyValues(KeyValueList &rows) const
{
    for (KeyValue &row : rows) {
        row.name = renameInTemplate(row.name);
        row.value = renameInTemplate(row.value);
    }
}

void ReferenceRenamer::renameInStep(Step &step) const
{
    if (!m_active)
        return;
    if (auto *request = std::get_if<ApiRequestStep>(&step)) {
        request->url = renameInTemplate(request->url);
        renameInKeyValues(request->headers);
        renameInKeyValues(request->queryParameters);
        renameInKeyValues(request->body.fields);
        // The runner reads the text as JSON only for JSON bodies; other kinds keep it as a template.
        request->body.text = request->body.kind == RequestBody::Kind::Json
            ? renameInJsonTemplate(request->body.text)
            : renameInTemplate(request->body.text);
    } else if (auto *script = std::get_if<JavaScriptStep>(&step)) {
        script->code = renameInScript(script->code);
    } else if (auto *variable = std::get_if<DefineVariableStep>(&step)) {
        variable->value = renameInTemplate(variable->value);
    }
    // Form steps hold no expressions.
}

void ReferenceRenamer::renameInResourceFields(Resource &resource) const
{
    if (!m_active)
        return;
    resource.baseUrl = renameInTemplate(resource.baseUrl);
    renameInKeyValues(resource.headers);
    renameInKeyValues(resource.urlParameters);
    renameInKeyValues(resource.bodyDefaults);
    resource.customAuth.loginTestUrl = renameInTemplate(resource.customAuth.loginTestUrl);
    resource.customAuth.expiresIn = renameInTemplate(resource.customAuth.expiresIn);
}

void ReferenceRenamer::renameInWorkflow(Workflow &workflow, qsizetype from, qsizetype to,
                                        bool variableTwins) const
{
    for (qsizetype i = from; i < qMin(to, workflow.steps.size()); ++i) {
        Step &step = workflow.steps[i];
        renameInStep(step);
        if (stepName(step) != m_oldName)
            continue;
        if (!variableTwins || !std::holds_alternative<DefineVariableStep>(step))
            return; // from here on the old name means this step
        setStepName(step, m_newName);
    }
}

Resource ReferenceRenamer::renameStep(const Resource &resource, WorkflowPart part, int index,
                                      const QString &newName)
{
    Resource result = resource;
    Workflow &own = workflowOf(result, part);
    if (index < 0 || index >= own.steps.size())
        return result;
    const ReferenceRenamer renamer(stepName(own.steps.at(index)), newName);
    setStepName(own.steps[index], newName);
    if (!renamer.isActive())
        return result;
    const bool variable = std::holds_alternative<DefineVariableStep>(own.steps.at(index));
    renamer.renameInWorkflow(own, index + 1, own.steps.size(), variable);
    if (!variable)
        return result; // a step's result is seen by the later steps of its workflow only

    Workflow &auth = result.customAuth.authWorkflow;
    Workflow &refresh = result.customAuth.refreshWorkflow;
    if (part == WorkflowPart::Auth) {
        // The refresh workflow starts from the session, which holds the variable.
        renamer.renameInWorkflow(refresh, 0, refresh.steps.size(), true);
    } else {
        qsizetype defined = -1;
        for (qsizetype i = 0; i < auth.steps.size() && defined < 0; ++i) {
            if (stepName(auth.steps.at(i)) == renamer.oldName())
                defined = i;
        }
        if (defined >= 0 && std::holds_alternative<DefineVariableStep>(auth.steps.at(defined))) {
            setStepName(auth.steps[defined], newName);
            renamer.renameInWorkflow(auth, defined + 1, auth.steps.size(), true);
            // Up to its own definition, the refresh workflow reads the value the auth workflow defined.
            renamer.renameInWorkflow(refresh, 0, index + 1, true);
        }
    }
    renamer.renameInResourceFields(result);
    return result;
}

QStringList ReferenceRenamer::clashes(const Resource &resource, WorkflowPart part, int index,
                                      const QString &newName)
{
    const Resource renamed = renameStep(resource, part, index, newName);
    // A probe renaming newName away tells whether a field refers to it.
    const ReferenceRenamer probe(newName, newName + QLatin1Char('_'));
    if (!probe.isActive())
        return {};
    QStringList places;
    const auto checkWorkflow = [&probe, &places](const Workflow &before, const Workflow &after) {
        for (qsizetype i = 0; i < before.steps.size() && i < after.steps.size(); ++i) {
            const Step &original = before.steps.at(i);
            Step rewritten = after.steps.at(i);
            setStepName(rewritten, stepName(original)); // a step's own new name is no clash
            if (rewritten == original)
                continue;
            Step probed = original;
            probe.renameInStep(probed);
            if (!(probed == original))
                places.append(stepName(original));
        }
    };
    checkWorkflow(resource.customAuth.authWorkflow, renamed.customAuth.authWorkflow);
    checkWorkflow(resource.customAuth.refreshWorkflow, renamed.customAuth.refreshWorkflow);

    Resource probed = resource;
    probe.renameInResourceFields(probed);
    const auto checkField = [&places](const QString &label, const auto &original, const auto &rewritten,
                                      const auto &probedValue) {
        if (rewritten != original && probedValue != original)
            places.append(label);
    };
    checkField(QStringLiteral("Base URL"), resource.baseUrl, renamed.baseUrl, probed.baseUrl);
    checkField(QStringLiteral("Headers"), resource.headers, renamed.headers, probed.headers);
    checkField(QStringLiteral("URL parameters"), resource.urlParameters, renamed.urlParameters,
               probed.urlParameters);
    checkField(QStringLiteral("Body defaults"), resource.bodyDefaults, renamed.bodyDefaults,
               probed.bodyDefaults);
    checkField(QStringLiteral("Login test URL"), resource.customAuth.loginTestUrl,
               renamed.customAuth.loginTestUrl, probed.customAuth.loginTestUrl);
    checkField(QStringLiteral("Lifetime"), resource.customAuth.expiresIn, renamed.customAuth.expiresIn,
               probed.customAuth.expiresIn);
    return places;
}

} // namespace AuthStudio
