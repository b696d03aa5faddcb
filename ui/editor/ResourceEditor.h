// ResourceEditor: the centre of the studio: edits one resource. The General tab holds the kind (REST;
// others are listed as coming later), base URL, headers, URL parameters and the auth method; with custom
// auth, the Auth workflow and Refresh workflow tabs edit the two workflows, and the Session tab the login
// test, "run without prompting", the refresh trigger (none, time-based after seconds or an expression, every
// query run), which failed queries run the refresh workflow (statuses, a body pattern) and the login timeout.
// Every change is one undoable step (typing in a field merges). Ctrl+Tab and Ctrl+Shift+Tab switch tabs
// from any field (the innermost tabs around it: a request's Body and Headers inside a step) and put the
// focus on the new tab's first field.
#pragma once

#include "document/StepRef.h"
#include "model/Resource.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;
class QTabWidget;

namespace AuthStudio {

class ExpressionLineEdit;
class KeyValueTableEditor;
class WorkflowEditor;
class WorkspaceDocument;
struct DocumentChange;

class ResourceEditor : public QWidget
{
    Q_OBJECT
public:
    enum Tab { GeneralTab, AuthWorkflowTab, RefreshWorkflowTab, SessionTab };

    explicit ResourceEditor(WorkspaceDocument *document, QWidget *parent = nullptr);

    // -1 shows a placeholder.
    void setResource(int index);
    int resource() const { return m_index; }

    QTabWidget *tabs() const { return m_tabs; }
    // The editor of a workflow tab, built on first use (showing its tab, or this call): most sessions
    // start on the General tab, and building both editors was a tenth of the studio's start-up.
    WorkflowEditor *workflowEditor(WorkflowKind workflow);
    // Shows the workflow's tab, selects the step and focuses the field a failed run named.
    void showStep(WorkflowKind workflow, int step, const QString &field = {});
    // The step selected in its workflow's list, which takes the focus (after a command of the list's).
    void showStepInList(WorkflowKind workflow, int step);
    // The General tab with its name selected, ready to be typed over (a resource just added).
    void focusName();
    // The editor of the workflow tab shown, or null on the other tabs and with no resource shown.
    WorkflowEditor *shownWorkflowEditor() const;

Q_SIGNALS:
    // The index shown changed, also when the resource moved in the list or was removed.
    void resourceChanged(int index);
    // Another tab, or another resource, or none, is shown: shownWorkflowEditor() may have changed.
    void shownTabChanged();

private:
    // Ctrl+Tab: the next (or previous) enabled tab of the tabs around the focus, and focus on its first
    // field.
    void switchTab(int delta);
    QWidget *createGeneralTab();
    QWidget *createSessionTab();
    // The Session tab is built when it first opens, like the workflow tabs.
    void ensureSessionTab();
    void onDocumentChanged(const DocumentChange &change);
    // The line under the name: none, or two resources named alike.
    void updateNameProblem();
    void refresh();
    void updateKnownNames();
    // Copies the resource, lets `change` edit it and pushes one undoable edit.
    template<typename F> void editResource(const QString &text, const QString &mergeKey, F &&change);
    void onExpiresModeChanged(int mode);
    void updateBodyPatternProblem();
    void updateLifetimeProblem();
    void updateStatusesProblem();

    WorkspaceDocument *m_document;
    int m_index = -1;
    bool m_updating = false;
    // The document change serial at binding time: changes up to it are already shown.
    quint64 m_boundSerial = 0;

    QStackedWidget *m_pages;
    QLabel *m_placeholder;
    QTabWidget *m_tabs;
    // General
    QLineEdit *m_name;
    QLabel *m_nameProblem;
    QComboBox *m_kind;
    QLabel *m_kindNote; // what a kind not run yet does instead
    ExpressionLineEdit *m_baseUrl;
    QComboBox *m_authMethod;
    QLabel *m_authHint;
    KeyValueTableEditor *m_headers;
    KeyValueTableEditor *m_urlParameters;
    // Workflows
    QWidget *m_authWorkflowPage;
    QWidget *m_refreshWorkflowPage;
    QWidget *m_sessionPage;
    WorkflowEditor *m_authWorkflow = nullptr;
    WorkflowEditor *m_refreshWorkflow = nullptr;
    // Session
    QCheckBox *m_loginTestEnabled = nullptr;
    ExpressionLineEdit *m_loginTestUrl = nullptr;
    QCheckBox *m_runWithoutPrompt = nullptr;
    QComboBox *m_refreshTrigger = nullptr;
    QComboBox *m_expiresMode = nullptr;
    QSpinBox *m_expiresSeconds = nullptr;
    ExpressionLineEdit *m_expiresExpression = nullptr;
    QLineEdit *m_refreshStatuses = nullptr;
    QLineEdit *m_refreshBodyPattern = nullptr;
    QLabel *m_refreshBodyPatternProblem = nullptr;
    QLabel *m_expiresProblem = nullptr;
    bool m_typingLifetime = false; // the lifetime changes from its own expression field
    QLabel *m_refreshStatusesProblem = nullptr;
    QSpinBox *m_loginTimeout = nullptr;
};

} // namespace AuthStudio
