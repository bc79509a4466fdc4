//! Delivering notices (issue 23) through a real SMTP server (mailsink/, aiosmtpd) and the
//! simulated SMS gateway, on both engines: what the server received (recipient, subject,
//! Danish text, the portal's link, nothing sensitive), a refusing server tried again later,
//! a server that is down given up after the last try and shown to operators.
use chrono::{DateTime, Duration, TimeZone, Utc};
use jobspor::cpr::Cpr;
use jobspor::notices::{retry_after, Channel, NoticeKind, MAX_ATTEMPTS};
use jobspor::policy::operator_acts_for as me;
use jobspor::CitizenId;
use jobspor_app::ssr::cpr_register::{CprRegister, SimulatedCprRegister};
use jobspor_server::delivery::{deliver_due, DeliveryReport, Mailer, Senders, SimulatedSmsGateway};
use jobspor_store::citizens::NewContactDetails;
use jobspor_store::outbox::NewNotice;
use jobspor_store::Store;
use jobspor_testkit::each_backend;
use jobspor_testkit::mail::Sink;

const PORTAL: &str = "https://jobspor.example";

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 10, 12, 0, 0).unwrap()
}

/// A citizen of the simulated register with an e-mail address and SMS reminders chosen.
async fn citizen(store: &Store) -> (CitizenId, String) {
    citizen_at(store, t0()).await
}

async fn citizen_at(store: &Store, at: DateTime<Utc>) -> (CitizenId, String) {
    let register = SimulatedCprRegister::load().unwrap();
    let cpr = Cpr::parse("2005982695").unwrap();
    let person = register.lookup(&cpr).await.unwrap().unwrap();
    let id = store
        .citizen_mitid_login(cpr.digits(), &person, "sim", at)
        .await
        .unwrap()
        .citizen_id;
    store
        .complete_citizen_profile(
            me(id),
            &NewContactDetails {
                username: "borger".into(),
                password_hash: "x".into(),
                phone: Some("20304050".into()),
                email: Some("borger@eksempel.dk".into()),
                sms_reminders: true,
                email_reminders: true,
            },
            at,
        )
        .await
        .unwrap();
    (id, cpr.digits().to_string())
}

fn incident(c: CitizenId, key: &str) -> NewNotice {
    NewNotice {
        citizen_id: c,
        kind: NoticeKind::Incident,
        key: key.into(),
        subject: "Vigtig besked om dine oplysninger i Jobspor".into(),
        body: "Tekst".into(),
        sms: "Tekst".into(),
        sender: None,
        email: None,
        deliveries: vec![(Channel::Email, "borger@eksempel.dk".into())],
    }
}

#[tokio::test]
async fn notices_are_mailed_and_texted_tried_again_and_given_up_for_operators() {
    each_backend(|store| async move {
        let sink = Sink::start();
        let senders = Senders {
            mail: Mailer::new(&sink.url(), "Jobspor <noreply@jobspor.dk>").unwrap(),
            sms: SimulatedSmsGateway::new(store.clone()),
        };
        let (c, cpr) = citizen(&store).await;
        // The deletion warning, queued by the day's scan: by e-mail and by SMS.
        let at = jobspor::retention::profile_deletion_at(t0()) - Duration::weeks(2);
        let scan = store.scan_inactivity(at, PORTAL).await.unwrap();
        assert_eq!(scan.deletion_warnings, 1);
        let r = deliver_due(&store, &senders, at).await.unwrap();
        assert_eq!(
            r,
            DeliveryReport {
                sent: 2,
                retrying: 0,
                failed: 0
            }
        );
        let mails = sink.received();
        assert_eq!(mails.len(), 1);
        let mail = &mails[0];
        assert_eq!(mail["to"], serde_json::json!(["borger@eksempel.dk"]));
        assert_eq!(mail["subject"], "Din profil i Jobspor bliver snart slettet");
        let text = mail["text"].as_str().unwrap();
        assert!(
            text.contains("Din profil og dit CV bliver slettet den 25-07-2026"),
            "{text}"
        );
        assert!(text.contains(PORTAL), "{text}");
        assert!(!text.contains(&cpr) && !text.contains(&cpr[..6]), "{text}");
        let sms = store.simulated_sms().await.unwrap();
        assert_eq!(sms.len(), 1);
        assert_eq!(sms[0].recipient, "20304050");
        assert!(sms[0].text.contains(PORTAL), "{}", sms[0].text);
        assert!(
            deliver_due(&store, &senders, at).await.unwrap().is_empty(),
            "once"
        );

        // The server refuses: tried again after a minute, and then it goes.
        sink.refuse(true);
        assert!(store.queue_notice(&incident(c, "i1"), at).await.unwrap());
        let r = deliver_due(&store, &senders, at).await.unwrap();
        assert_eq!(r.retrying, 1);
        sink.refuse(false);
        assert!(deliver_due(&store, &senders, at).await.unwrap().is_empty());
        let r = deliver_due(&store, &senders, at + retry_after(1).unwrap())
            .await
            .unwrap();
        assert_eq!(r.sent, 1);
        assert_eq!(sink.received().len(), 2);

        // The server is down: tried with growing waits, then given up and shown to operators.
        drop(sink);
        assert!(store.queue_notice(&incident(c, "i2"), at).await.unwrap());
        let mut now = at;
        for attempt in 1..=MAX_ATTEMPTS {
            let r = deliver_due(&store, &senders, now).await.unwrap();
            match retry_after(attempt) {
                Some(wait) => {
                    assert_eq!(r.retrying, 1, "try {attempt}");
                    now += wait;
                }
                None => assert_eq!(r.failed, 1),
            }
        }
        let failed = store.failed_deliveries().await.unwrap();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].channel, Channel::Email);
        assert!(!failed[0].last_error.is_empty());
    })
    .await;
}

#[tokio::test]
async fn an_incident_reaches_each_listed_citizen_once_by_every_channel() {
    each_backend(|store| async move {
        let (c, cpr) = citizen(&store).await;
        let list = format!("# berørte borgere\n{cpr}\n\n0101010101\nikke-et-nummer\n");
        let text = "Vi har opdaget et sikkerhedsbrud, der kan have berørt dine kontaktoplysninger.";
        let r = jobspor_server::incident::notify_incident(&store, &list, text, PORTAL, t0())
            .await
            .unwrap();
        assert_eq!(
            r,
            jobspor_server::incident::IncidentReport {
                listed: 3,
                not_found: 2,
                by_email: 1,
                by_sms: 1,
                inbox_only: 0,
                already_told: 0,
            }
        );
        let inbox = store.inbox(me(c)).await.unwrap();
        assert_eq!(inbox.len(), 1);
        assert!(inbox[0].body.starts_with(text) && inbox[0].body.contains(PORTAL));
        let again = jobspor_server::incident::notify_incident(&store, &list, text, PORTAL, t0())
            .await
            .unwrap();
        assert_eq!(
            (again.already_told, again.by_email),
            (1, 0),
            "the same text once"
        );
    })
    .await;
}

#[tokio::test]
async fn a_jobcentres_message_is_in_mine_beskeder_and_only_announced_by_mail() {
    each_backend(|store| async move {
        let app = jobspor_testkit::spawn(store).await;
        let now = jobspor::Clock::now(&app.clock);
        let (c, cpr) = citizen_at(&app.store, now).await;
        let municipality = app
            .store
            .citizen(c)
            .await
            .unwrap()
            .person
            .municipality_code
            .unwrap();
        app.store
            .upsert_caseworker(
                "anna.aarhus",
                "Anna Sørensen",
                "Jobcenter Aarhus",
                &[municipality.as_str()],
                now,
            )
            .await
            .unwrap();
        let worker = jobspor_testkit::client();
        app.staff(&worker, "anna.aarhus", Some(jobspor_testkit::idp::OTP))
            .await;
        let found = app
            .call(&worker, "caseworker/find", &[("cpr", cpr.as_str())])
            .await;
        let reference = found.headers()[reqwest::header::LOCATION]
            .to_str()
            .unwrap()
            .strip_prefix("/sagsbehandler/borger/")
            .unwrap()
            .to_string();
        let history = app.store.access_history(c, t0()).await.unwrap().len();
        let (subject, text) = ("Om din sygemelding", "Vi har læst lægens erklæring.");
        let sent = app
            .call(
                &worker,
                "caseworker/message",
                &[
                    ("reference", reference.as_str()),
                    ("form[subject]", subject),
                    ("form[text]", text),
                ],
            )
            .await;
        assert!(sent.status().is_success(), "{}", sent.status());
        // Writing read nothing of the citizen's: no access recorded.
        assert_eq!(
            app.store.access_history(c, t0()).await.unwrap().len(),
            history
        );
        // Mine beskeder has it all, with its sender.
        let inbox = app.store.inbox(me(c)).await.unwrap();
        assert_eq!(inbox.len(), 1);
        assert_eq!(
            (inbox[0].subject.as_str(), inbox[0].body.as_str()),
            (subject, text)
        );
        assert_eq!(
            inbox[0].sender.as_deref(),
            Some("Jobcenter Aarhus (Anna Sørensen)")
        );
        // The e-mail and the SMS only say that there is a message, from whom, and where.
        let sink = Sink::start();
        let senders = Senders {
            mail: Mailer::new(&sink.url(), "Jobspor <noreply@jobspor.dk>").unwrap(),
            sms: SimulatedSmsGateway::new(app.store.clone()),
        };
        let r = deliver_due(&app.store, &senders, now).await.unwrap();
        assert_eq!((r.sent, r.failed, r.retrying), (2, 0, 0));
        let mails = sink.received();
        assert_eq!(mails.len(), 1);
        assert_eq!(
            mails[0]["subject"],
            "Ny besked fra Jobcenter Aarhus i Jobspor"
        );
        let mail = mails[0]["text"].as_str().unwrap();
        assert!(
            mail.contains("Log på for at læse den under Mine beskeder"),
            "{mail}"
        );
        let texts = app.store.simulated_sms().await.unwrap();
        assert_eq!(texts.len(), 1);
        for said in [mail, texts[0].text.as_str()] {
            assert!(
                !said.contains(subject) && !said.contains(text) && !said.contains(&cpr),
                "{said}"
            );
        }
    })
    .await;
}
