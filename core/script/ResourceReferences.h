// ResourceReferences: the names a resource's {{ }} fields read from outside the resource, such as the
// workspace variable DEMO_API in "{{ DEMO_API }}/login". Importing a resource into a workspace that lacks
// them says which to add. Only plain paths count ({{ NAME.field }}): what a script expression reads can't
// be told without running it.
#pragma once

#include <QList>
#include <QStringList>

namespace AuthStudio {

struct Resource;
struct Workflow;

namespace ResourceReferences {

// Root names of the resource's templates (base URL, headers, parameters, body defaults, login test URL,
// expiry, and its steps' fields) that none of its own steps or defined variables is named, in order of
// first appearance.
QStringList outsideNames(const Resource &resource);

// Root names the resource's own fields read (base URL, enabled header, parameter and body default rows,
// login test URL, expiry), outside its workflows: the workspace's variables and the session's.
QStringList fieldNames(const Resource &resource);

// Of fieldNames(), those neither `known` (the workspace variables) nor a variable the resource's workflows
// define (a session's) nor a JavaScript global: every query stops there.
QStringList undefinedFieldNames(const Resource &resource, const QStringList &known);

// Names the refresh workflow reads that are steps of the auth workflow other than its Define variable
// steps ({{ form1.email }}, {{ http1.body.refresh_token }}), and that no refresh step before the reading
// one is named: a refresh starts from the session, which keeps only the variables the auth workflow
// defined, so a refresh stops there. Plain paths in fields, and the names a script's code is written with.
QStringList authStepsReadByRefresh(const Resource &resource);

// A form's field read where the form has none ({{ form1.mail }} after a form whose keys are email and
// password): the run sends null there. Plain paths in the steps' fields, after the enabled form of the name.
struct UnknownFormField
{
    QString step; // the step whose field reads it
    QString form;
    QString field;
    QStringList formFields; // the keys the form has
};
QList<UnknownFormField> unknownFormFields(const Resource &resource);
// What a run makes of one, for a warning: 'step "http1" [of resource "r"] reads {{ form1.mail }}, a field
// form "form1" doesn't have (its fields: email, password): a run reads null there'. The resource is named
// when `resourceName` isn't empty.
QString describe(const UnknownFormField &unknown, const QString &resourceName = {});

// A name a step reads that nothing defines where it is read: not `known` (the workspace variables, a
// refresh's session), nor an enabled step before it. A run stops there. What a run evaluates (see
// ApiRequestStep::evaluatedTexts) as plain names, and in a script's code the names of the workflow's
// steps and names shaped like one (stepShapedNames()): other names in code may be the engine's globals.
// In step order, each name once.
struct UndefinedRead
{
    QString step;
    QString name;
};
QList<UndefinedRead> undefinedReads(const Workflow &workflow, const QStringList &known);

// The identifiers in `code` shaped like a step's default name (form2, http3, js1: a step type's prefix and
// a number), each once, wherever they are (strings and properties too: JavaScriptSource::rootReferences
// tells references apart). A script reading `http2` where no step has that name is a typo or a step
// renamed or removed since.
QStringList stepShapedNames(const QString &code);

// A session variable both workflows define, secret in one and not in the other (EXPIRES_IN, say, when a
// refresh's new Define variable step kept its default): masked after a login but not after a refresh, or
// the other way round. The enabled steps' flags; each name once, in the auth workflow's order.
struct SecretFlagMismatch
{
    QString name;
    bool secretAfterLogin = false; // the auth workflow's flag; the refresh workflow's is the other
};
QList<SecretFlagMismatch> secretFlagMismatches(const Resource &resource);

// The names as they are written in fields, for messages: "{{ DEMO_API }}, {{ TOKEN }}".
QString asExpressions(const QStringList &names);

} // namespace ResourceReferences
} // namespace AuthStudio
