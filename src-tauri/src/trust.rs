//! The Trust step's commands: the stores `handshake trust` finds, the plan
//! for the ones the user ticked, and that same plan carried out. The plan
//! shown is kept in the app's state and is what `trust_apply` runs: no
//! second planning between what the user saw and what happens.

use handshake_core::i18n::Phrase;
use handshake_core::pki::DevCa;
use handshake_core::trust::{self, Ca, Direction, Environment, Group, Plan, TrustStore};
use serde::Serialize;
use tauri::State;

use crate::CommandError;
use crate::error::AppError;
use crate::state::AppState;

/// A trust store as the Trust step lists it.
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct StoreState {
    /// What identifies it when the user ticks it (its file or folder).
    id: String,
    /// Its name for the user.
    name: Phrase,
    /// System, browsers or Java (the browsers' stores are ticked at first).
    group: Group,
    /// Whether the CA is there (none when the store could not be read).
    trusted: Option<bool>,
    /// Why it could not be read.
    problem: Option<Phrase>,
    /// Whether changing it asks for administrator rights.
    needs_admin: bool,
}

/// The development CA and the stores of this machine.
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct TrustStores {
    /// The CA certificate's file.
    ca: String,
    /// Every store found, in `handshake trust`'s order.
    stores: Vec<StoreState>,
}

/// One store's part of the plan: its actions, in order.
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct PlannedChange {
    store: Phrase,
    actions: Vec<Phrase>,
}

/// A store and what went wrong there (or `None`: done).
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct StoreOutcome {
    store: Phrase,
    problem: Option<Phrase>,
}

/// The plan the Trust step shows, and then carries out.
#[derive(Debug, Serialize, specta::Type)]
pub(crate) struct TrustPlan {
    changes: Vec<PlannedChange>,
    /// Stores that cannot be changed from here, with why.
    refused: Vec<StoreOutcome>,
}

/// The development CA's state in every store found, as `handshake trust
/// --check` shows it; none is created.
#[tauri::command]
#[specta::specta]
pub(crate) fn trust_stores(state: State<'_, AppState>) -> Result<TrustStores, CommandError> {
    let ca = dev_ca(&state)?;
    let stores = trust::survey(found(), &ca)
        .into_iter()
        .map(|survey| StoreState {
            id: id(survey.store.as_ref()),
            name: Phrase::of(&survey.store.name()),
            group: survey.store.name().kind.group(),
            needs_admin: survey.store.needs_admin(),
            trusted: survey.present.as_ref().ok().copied(),
            problem: survey.present.as_ref().err().map(Phrase::of),
        })
        .collect();
    Ok(TrustStores {
        ca: ca.path().display().to_string(),
        stores,
    })
}

/// The plan for adding the CA to (or, with `remove`, removing it from) the
/// stores in `ids`; kept to be carried out by [`trust_apply`].
#[tauri::command]
#[specta::specta]
pub(crate) fn trust_plan(
    ids: Vec<String>,
    remove: bool,
    state: State<'_, AppState>,
) -> Result<TrustPlan, CommandError> {
    let ca = dev_ca(&state)?;
    let chosen = found()
        .into_iter()
        .filter(|store| ids.contains(&id(store.as_ref())))
        .collect();
    let direction = if remove {
        Direction::Remove
    } else {
        Direction::Add
    };
    let plan = Plan::new(trust::survey(chosen, &ca), &ca, direction).elevated(&ca);
    let shown = TrustPlan {
        changes: plan
            .changes
            .iter()
            .map(|change| PlannedChange {
                store: Phrase::of(&change.store.name()),
                actions: change.actions.iter().map(Phrase::of).collect(),
            })
            .collect(),
        refused: plan
            .refused
            .iter()
            .map(|(store, error)| StoreOutcome {
                store: Phrase::of(store),
                problem: Some(Phrase::of(error)),
            })
            .collect(),
    };
    state.keep_trust_plan(plan);
    Ok(shown)
}

/// Carries out the plan [`trust_plan`] showed last, store by store.
#[tauri::command]
#[specta::specta]
pub(crate) fn trust_apply(state: State<'_, AppState>) -> Result<Vec<StoreOutcome>, CommandError> {
    let plan = state
        .take_trust_plan()
        .ok_or_else(|| CommandError::app(AppError::NoTrustPlan))?;
    Ok(plan
        .apply()
        .iter()
        .map(|(store, result)| StoreOutcome {
            store: Phrase::of(store),
            problem: result.as_ref().err().map(Phrase::of),
        })
        .collect())
}

/// What a store is ticked by in the window: its file or folder.
fn id(store: &dyn TrustStore) -> String {
    store.name().path.display().to_string()
}

/// The stores `handshake trust` finds with no store named.
fn found() -> Vec<Box<dyn TrustStore>> {
    trust::discover(&Environment::current(), &Group::ALL)
}

/// The development CA the exports use; the Trust step never makes one.
fn dev_ca(state: &AppState) -> Result<Ca, CommandError> {
    let ca = DevCa::load(state.ca_dir())?.ok_or_else(|| CommandError::app(AppError::NoDevCa))?;
    Ok(Ca::of(&ca)?)
}
