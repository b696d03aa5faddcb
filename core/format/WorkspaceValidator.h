// WorkspaceValidator: the rules a workspace must satisfy beyond its JSON shape: unique, well-formed
// names, valid bodies, and no secret written literally into the file. The reader and the writer both
// apply it, so a file that saves always loads again.
#pragma once

#include "model/Workspace.h"

#include <QList>

#include <optional>

namespace AuthStudio {

class WorkspaceValidator
{
public:
    struct Problem
    {
        QString pointer; // JSON pointer into the file, e.g. /resources/0/auth/authWorkflow/1/name
        QString reason;
    };

    static QList<Problem> validate(const Workspace &workspace);
    // A problem's place in the words of the studio's editors, for people rather than for the file:
    // "/resources/0/auth/authWorkflow/4/fields/3/key" is "resource 'API', auth workflow, step 'form2',
    // field 4's key". "/resource/..." (an exported resource) reads as the workspace's first resource.
    static QString describePlace(const Workspace &workspace, const QString &pointer);
    static bool isIdentifier(const QString &name);
    // A secret variable whose value is written out rather than computed: it must never reach a file.
    static bool holdsLiteralSecret(const DefineVariableStep &variable);
    // Why a form field's key can't name its value (not an identifier, or an earlier field's key, whose
    // value it would overwrite); empty when it can. The editor, the runner and the file share it.
    static QString formFieldKeyProblem(const FormStep &form, int field);
    // Why a header or parameter row can't be sent: a value with no name. A blank row (no name, no
    // value: KeyValue::isBlank) is left out of requests, as a table's spare row.
    static QString keyValueProblem(const KeyValue &row);
    // keyValueProblem() for a header row, and what is written outside {{ }} in an enabled one: a line
    // break or NUL (refused at send time anyway, as header injection) or a character header names
    // can't hold. The pointer is "/name" or "/value", the part at fault. Nothing when it can be sent.
    static std::optional<Problem> headerProblem(const KeyValue &row);
    // Its parts, each on its own: an editor marks both cells of a row whose name and value are both wrong.
    static QString headerNameProblem(const KeyValue &row);
    static QString headerValueProblem(const KeyValue &row);
    // Why a workspace variable can't be saved by its name alone: none, or not an identifier (a
    // disabled or blank row too: the file keeps every row). Empty when it can; a name used twice is
    // validate()'s to say, as it depends on the other rows.
    // Why a workspace variable looks like it holds a secret (its name says so, or its value is a JSON Web
    // Token or a bearer credential), or empty. Allowed, but workspace variables are written to the file
    // and shown unmasked: the studio and validate warn. An address, a number or an expression isn't one.
    // URL parameters and form fields (api_key=…, password=…) are judged the same way.
    static QString secretLookingVariable(const KeyValue &variable);
    // The same for a header of a resource or a request step written as it is, no {{ }}: an Authorization,
    // Cookie or API key header, or a value that looks like a token. Saved in the file as written, so the
    // token goes wherever the file goes (QA pass 45: a pasted "authorization: Bearer eyJ…" went unsaid).
    // Empty when it doesn't look like one.
    static QString secretLookingHeader(const KeyValue &header);
    static QString variableNameProblem(const KeyValue &variable);
    // Why a time-based refresh's lifetime, written as a number rather than an {{ expression }}, can't
    // be one: not a number, or under a second. Empty when it can (or is computed, or the trigger is
    // another).
    static QString lifetimeProblem(const CustomAuth &auth);
    // A time-based trigger with no lifetime at all: allowed (the user may be about to write it), but the
    // trigger is off until one is set. Empty when that isn't so. For the editor, validate and a run.
    static QString lifetimeMissing(const CustomAuth &auth);
    // The same for a login test switched on with no URL (QA pass 50: it was sent, and failed with the
    // message of an API Request step without a URL).
    static QString loginTestUrlMissing(const CustomAuth &auth);
    // Why a URL (a resource's base URL, a request step's URL) can't be an http:// or https:// address,
    // whatever its {{ }} parts give: what it starts with as written (ftp://, "htp:/", javascript:), or,
    // with no expression, a space or no host. Empty when it may be one, or starts with an expression.
    // Allowed in the file (the user may be typing it); the editors flag it and validate warns, where
    // only a run said so before (QA pass 40).
    static QString urlProblem(const QString &url);
    // The same for an API Request step's URL, which can't be empty (Save refuses it).
    static QString requestUrlProblem(const QString &url);
    // A kind the file format has but the studio doesn't run yet (graphql, openapi, grpc): what is done
    // instead, its queries being sent as a REST API's. Empty for REST. (QA pass 40: said nowhere.)
    static QString kindNotRunYet(const Resource &resource);
};

} // namespace AuthStudio
