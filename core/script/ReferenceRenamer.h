// ReferenceRenamer: rewrites the references to a step or a variable when it is renamed, so that renaming
// http1 to login, or TOKEN to ACCESS_TOKEN, keeps {{ http1.body.token }}, "Bearer {{ TOKEN }}",
// {{ btoa(form1.email) }} and JavaScript code that reads http1.body working. Only identifiers at root
// position are renamed: not properties (foo.http1, foo?.http1), not longer names (http10), not object keys
// ({ http1: 1 }) or methods ({ http1() {} }), not the names of a class's fields and methods, and not text
// inside string literals, template literal text or comments; the literal text around {{ }} is never
// touched. JSON bodies are rewritten one JSON string at a time, so their formatting stays as the user
// wrote it.
//
// renameStep() and renameVariable() apply the scoping rules of a resource (which fields can see which step
// or variable) and are what the studio's rename commands and the tests use; the other functions rewrite
// one field.
//
// A shorthand property ({ http1 }) becomes { http1: login }, so an object keeps its key and a destructuring
// pattern keeps reading the same property. A lone name in a block ({ a, http1 } after ")", "=>", ";", a
// label or "case x:", or at the start of a script) is a reference and is renamed like any other.
//
// Known limits: there is no parser behind this, only the lexer in JavaScriptSource. Whether "{" opens an
// object or a block, and whether "/" starts a regular expression literal, are decided from the token before,
// as JavaScript tools without a full parser do; a class field written without a semicolon after the one
// before it may be taken for a reference; a new name a script already uses (its own local, say) is renamed
// into all the same, and clashes() is there to say so beforehand.
#pragma once

#include "JavaScriptSource.h"
#include "model/Resource.h"
#include "model/Workspace.h"

#include <QStringList>

namespace AuthStudio {

class ReferenceRenamer
{
public:
    enum class WorkflowPart { Auth, Refresh };

    ReferenceRenamer(const QString &oldName, const QString &newName);

    // Both names are identifiers (see WorkspaceValidator::isIdentifier) and they differ. When not, every
    // function below returns its input unchanged: a half-typed name ("", "1x") rewrites nothing.
    bool isActive() const { return m_active; }
    QString oldName() const { return m_oldName; }
    QString newName() const { return m_newName; }

    // JavaScript source: a JavaScript step's code, or the inside of one {{ }} expression.
    QString renameInScript(const QString &code) const;
    // A template field ("Bearer {{ TOKEN }}"): the code inside each {{ }}.
    QString renameInTemplate(const QString &text) const;
    // A JSON body whose strings are templates: each JSON string (keys too) that contains "{{".
    QString renameInJsonTemplate(const QString &json) const;
    void renameInKeyValues(KeyValueList &rows) const;
    // Every expression field of the step (URL, headers, parameters, body, code, value); not its name.
    void renameInStep(Step &step) const;
    // The fields of a resource that see the session's variables: base URL, headers, URL parameters, body
    // defaults, login test URL and the time-based lifetime expression.
    void renameInResourceFields(Resource &resource) const;

    // Renames step `index` of the auth or refresh workflow to `newName` and rewrites what refers to it:
    // - any step: the later steps of its own workflow, up to another step of the old name (which takes
    //   the name over from there);
    // - a Define variable also names a session variable, which the refresh workflow and the resource's
    //   fields see. A definition of the same variable in the other workflow (the refresh workflow
    //   re-defining TOKEN) is the same session variable: it is renamed too, or the refresh would keep
    //   writing the old name and the resource's headers would go stale after the first refresh.
    // A new name another step has already (in the step's workflow; for a variable, in the other workflow
    // too) renames the step only: which of the two a reference meant could not be told afterwards. So
    // does a variable's rename when its workflow defines it twice, beyond the steps up to the second
    // definition.
    // Returns the resource unchanged but for the step's name when the rename is not active.
    static Resource renameStep(const Resource &resource, WorkflowPart workflow, int index,
                               const QString &newName);

    // Where renameStep() would mix two things up: the fields it rewrites that already refer to `newName`
    // (a script's own local of that name, or another value), whose references could no longer be told
    // apart after the rename. Returns the step names (js1) and resource fields ("Headers") concerned.
    static QStringList clashes(const Resource &resource, WorkflowPart workflow, int index,
                               const QString &newName);

    // Renames workspace variable `index` to `newName` and rewrites, in every resource, the references that
    // read it, as a run resolves them (a step or a session variable of the same name hides it):
    // - each workflow's steps up to the first enabled step of the old name, whose own fields still read
    //   the workspace's value; from there on the name means that step;
    // - not the refresh workflow when the auth workflow defines a variable of the old name: a refresh
    //   starts from the session, whose variable hides the workspace's;
    // - the resource's fields (renameInResourceFields) unless either workflow defines a variable of the
    //   old name, which the session then holds.
    // Disabled steps hide nothing: runs skip them. A disabled variable, or one whose old name another
    // enabled variable still has, is what no reference reads: only its name changes. So, as in
    // renameStep(), does a rename to a name that is taken (another workspace variable, or any step of any
    // resource): which of the two a reference meant could not be told afterwards.
    // Returns the workspace unchanged but for the variable's name when the rename is not active.
    static Workspace renameVariable(const Workspace &workspace, int index, const QString &newName);

    // Renames field `field` of the Form step `index` to `newKey` and rewrites {{ form1.email }},
    // form1["email"] and the like in the later steps of its workflow, up to a step that takes the form's
    // name over. A key another field of the form has already renames the field only.
    static Resource renameFormField(const Resource &resource, WorkflowPart workflow, int index, int field,
                                    const QString &newKey);

private:
    // The rewrite of one piece of code: root references, or a root's member (see renameFormField()).
    QString renameCode(const QString &code, JavaScriptSource::Context context) const;
    // Rewrites the references to a workspace variable in one resource (see renameVariable()).
    void renameVariableIn(Resource &resource) const;
    // Rewrites steps [from, to) of a workflow. A step of the old name ends the range after its own
    // fields, unless it is a Define variable and `variableTwins` is set: then it is renamed and the
    // range goes on.
    void renameInWorkflow(Workflow &workflow, qsizetype from, qsizetype to, bool variableTwins) const;

    QString m_oldName;
    QString m_newName;
    QString m_root; // renaming a member of this root (a form's field) rather than the root itself
    bool m_active = false;
};

} // namespace AuthStudio
