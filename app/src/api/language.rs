//! The language switch: a plain form in the header of every page (works without
//! JavaScript). It keeps the choice in the browser (a cookie) and, for a signed-in citizen,
//! in the profile, applied again at each sign-in; then returns to the page it was on, with
//! a refused form's answers and messages when the page showed them.
use crate::AppError;
use leptos::prelude::*;

/// `sprog`: the language's code; `tilbage`: the page (path and query) to return to;
/// `flash`: the page's copy of a refused form's answers (`routes::FLASH_AGAIN_PARAM`), when
/// it had one.
#[server(endpoint = "sprog")]
pub async fn set_language(
    sprog: String,
    tilbage: String,
    #[server(default)] flash: String,
) -> Result<(), AppError> {
    use crate::ssr::session;
    use jobspor::policy::Actor;
    let (state, actor) = crate::ssr::guard::anyone().await?;
    let lang = jobspor::Lang::from_code(&sprog)
        .ok_or_else(|| AppError::field("sprog", jobspor::Msg::ChoiceInvalid, Vec::new()))?;
    session::set_lang_cookie(&state, lang)?;
    if let Actor::Citizen { citizen_id, .. } = actor {
        state.store.set_citizen_language(citizen_id, lang).await?;
    }
    session::rearm_flash(&state, &flash, session::FLASH_TTL_SECONDS)?;
    leptos_axum::redirect(&crate::routes::language_return(&tilbage));
    Ok(())
}
