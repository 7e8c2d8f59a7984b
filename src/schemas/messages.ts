// Validation messages in French and English. Schemas put a key in each issue's message; the
// boundary (route, action, CLI) turns keys into the reader's language.
export const VALIDATION_MESSAGES = {
  required: { fr: "Ce champ est obligatoire.", en: "This field is required." },
  "guide.audience": { fr: "Choisissez à qui s'adresse l'article.", en: "Choose whom the article is for." },
  "guide.category": { fr: "La catégorie doit compter de 2 à 60 caractères.", en: "The category must be 2 to 60 characters long." },
  "guide.title": { fr: "Le titre doit compter de 5 à 120 caractères.", en: "The title must be 5 to 120 characters long." },
  "guide.body": { fr: "Le texte doit compter de 20 à 20 000 caractères.", en: "The text must be 20 to 20,000 characters long." },
  "guide.english": {
    fr: "La version anglaise a un titre et un texte, ou ni l'un ni l'autre.",
    en: "The English version has a title and a text, or neither.",
  },
  "instant.invalid": {
    fr: "Date et heure invalides : utilisez le format ISO 8601 avec un décalage, p. ex. 2026-11-24T13:30:00-05:00.",
    en: "Invalid date and time: use ISO 8601 with an offset, e.g. 2026-11-24T13:30:00-05:00.",
  },
  "instant.range": { fr: "La date doit être comprise entre 2000 et 2099.", en: "The date must be between 2000 and 2099." },
  "text.invalid": { fr: "Valeur invalide.", en: "Invalid value." },
  "text.control": {
    fr: "Ce champ contient des caractères qu'on ne tape pas (caractère nul, de contrôle ou invalide) : retirez-les.",
    en: "This field holds characters nobody types (null, control or invalid characters): remove them.",
  },
  "field.unknown": {
    fr: "Champ inconnu : retirez-le (voir la documentation de l'API).",
    en: "Unknown field: remove it (see the API documentation).",
  },
  "checkbox.invalid": { fr: "Répondez par vrai ou faux (true ou false).", en: "Answer true or false." },
  "name.length": { fr: "Inscrivez votre nom (120 caractères au plus).", en: "Enter your name (120 characters at most)." },
  "personName.length": {
    fr: "Inscrivez le nom de la personne (120 caractères au plus).",
    en: "Enter the person's name (120 characters at most).",
  },
  "email.invalid": {
    fr: "Inscrivez une adresse courriel valide, p. ex. nom@exemple.ca.",
    en: "Enter a valid e-mail address, e.g. name@example.ca.",
  },
  "subject.length": { fr: "L'objet doit compter de 3 à 150 caractères.", en: "The subject must be 3 to 150 characters long." },
  "message.length": {
    fr: "Le message doit compter de 10 à 5 000 caractères.",
    en: "The message must be 10 to 5,000 characters long.",
  },
  "form.invalid": { fr: "Formulaire inconnu : utilisez « dotation » ou « sagir ».", en: "Unknown form: use \"dotation\" or \"sagir\"." },
  "sagirType.invalid": {
    fr: "Type de requête inconnu : access, self-service, specialised, training, arrival, departure ou parametrization.",
    en: "Unknown request type: access, self-service, specialised, training, arrival, departure or parametrization.",
  },
  "range.order": { fr: "La date de fin doit suivre la date de début.", en: "The end date must follow the start date." },
  "range.tooLong": { fr: "La période choisie ne peut dépasser 366 jours.", en: "The period cannot exceed 366 days." },
  "holidayName.length": { fr: "Inscrivez le nom du jour férié (2 à 80 caractères).", en: "Enter the holiday's name (2 to 80 characters)." },
  "mailbox.audience": { fr: "Choisissez le service et la clientèle de cette boîte.", en: "Choose the service and audience of this mailbox." },
  "line.id": { fr: "Identifiant de ligne : lettres minuscules, chiffres et traits d'union (40 au plus), p. ex. sagir-urgences.", en: "Line id: lower-case letters, digits and hyphens (at most 40), e.g. sagir-urgences." },
  "line.audience": { fr: "Choisissez le service et la clientèle de cette ligne.", en: "Choose the service and audience of this line." },
  "line.numbers": { fr: "Un numéro par ligne (ou séparés par des virgules), p. ex. 418 528-7157; dix au plus.", en: "One number a line (or separated by commas), e.g. 418 528-7157; ten at most." },
  "year.invalid": { fr: "Inscrivez une année entre 2000 et 2099.", en: "Enter a year between 2000 and 2099." },
  "hours.format": { fr: "Écrivez les heures ainsi : 8:30-12:00, 13:00-16:30 (vide si fermé).", en: "Write the hours like this: 8:30-12:00, 13:00-16:30 (empty when closed)." },
  "hours.order": { fr: "Chaque plage doit finir après son début, et les plages se suivre dans l'ordre de la journée.", en: "Each range must end after it starts, and the ranges follow the day's order." },
  "hours.overlap": { fr: "Les plages ne peuvent pas se chevaucher.", en: "The ranges cannot overlap." },
  "target.amount": { fr: "Inscrivez un délai en nombre entier plus grand que zéro.", en: "Enter the allowed time as a whole number greater than zero." },
  "target.amountMax.minutes": { fr: "Au plus 999 minutes.", en: "At most 999 minutes." },
  "target.amountMax.hours": { fr: "Au plus 999 heures.", en: "At most 999 hours." },
  "target.amountMax.days": { fr: "Au plus 60 jours ouvrables.", en: "At most 60 business days." },
  "target.unitClock": {
    fr: "Les jours ouvrables se comptent avec l'horloge « jours ouvrables », et celle-ci seulement en jours; les autres horloges se comptent en minutes ou en heures.",
    en: "Business days are counted by the business-days clock, and that clock only in days; the other clocks count minutes or hours.",
  },
  "target.channels": { fr: "Cochez au moins un canal.", en: "Tick at least one channel." },
  "target.calendar": { fr: "Choisissez un calendrier d'une clientèle de ce service.", en: "Choose a calendar of one of this service's audiences." },
  "target.channel": { fr: "Ce canal n'est pas reçu de cette clientèle.", en: "This channel is not received from this audience." },
  "hours.none": { fr: "Le calendrier doit ouvrir au moins un jour de la semaine.", en: "The calendar must open at least one day of the week." },
  "text.tooLong": { fr: "Ce texte est trop long.", en: "This text is too long." },
  "date.invalid": { fr: "Inscrivez une date valide, p. ex. 2026-12-04.", en: "Enter a valid date, e.g. 2026-12-04." },
  "participants.count": {
    fr: "Inscrivez de 1 à 50 participants, un par ligne.",
    en: "Enter 1 to 50 participants, one per line.",
  },
  "password.length": {
    fr: "Le mot de passe doit compter de 12 à 200 caractères.",
    en: "The password must be 12 to 200 characters long.",
  },
  "password.mismatch": { fr: "Les deux mots de passe ne sont pas identiques.", en: "The two passwords do not match." },
  "birthDay.invalid": { fr: "Choisissez le jour de naissance.", en: "Choose the day of birth." },
  "birthMonth.invalid": { fr: "Choisissez le mois de naissance.", en: "Choose the month of birth." },
  "birthDay.notInMonth": { fr: "Ce jour n'existe pas dans le mois choisi.", en: "This day does not exist in the chosen month." },
  "choice.invalid": { fr: "Faites un choix dans la liste.", en: "Choose from the list." },
  "guide.query": { fr: "Tapez de 2 à 200 caractères.", en: "Type 2 to 200 characters." },
  "satisfaction.answer": { fr: "Dites si la réponse vous a satisfait.", en: "Say whether the answer satisfied you." },
  "satisfaction.comment": { fr: "Le commentaire compte au plus 2 000 caractères.", en: "The comment has at most 2,000 characters." },
  "staff.services": { fr: "Cochez au moins un centre où cette personne travaille.", en: "Tick at least one centre this person works in." },
  "organization.name": { fr: "Inscrivez le nom de l'organisation (3 à 200 caractères).", en: "Enter the organization's name (3 to 200 characters)." },
  "organization.code": { fr: "Inscrivez le sigle : 2 à 15 lettres, chiffres ou traits d'union, p. ex. MFQ.", en: "Enter the acronym: 2 to 15 letters, digits or hyphens, e.g. MFQ." },
  "organization.codeTaken": { fr: "Ce sigle est déjà celui d'une autre organisation.", en: "This acronym already belongs to another organization." },
  "organization.domains": { fr: "Inscrivez au plus 20 domaines valides, un par ligne, p. ex. mfq.gouv.qc.ca.", en: "Enter at most 20 valid domains, one per line, e.g. mfq.gouv.qc.ca." },
  "organization.sagirPrerequisite": {
    fr: "Pour utiliser le Centre d'assistance SAGIR, l'organisation doit avoir implanté SAGIR et adhéré à ses services : inscrivez la date.",
    en: "To use the SAGIR assistance centre, the organization must have implemented SAGIR and adhered to its services: enter the date.",
  },
  "organization.contacts": { fr: "Inscrivez au plus 10 responsables.", en: "Enter at most 10 contacts." },
  "canned.title": { fr: "Inscrivez un titre de 3 à 120 caractères.", en: "Enter a title of 3 to 120 characters." },
  "canned.body": { fr: "Inscrivez un texte de 10 à 5 000 caractères.", en: "Enter a text of 10 to 5,000 characters." },
  "canned.placeholder": {
    fr: "Seuls {numero}, {telephones}, {heures} et, dans un avis de délai, {date} sont remplacés : corrigez l'espace réservé inconnu.",
    en: "Only {numero}, {telephones}, {heures} and, in a delay notice, {date} are replaced: correct the unknown placeholder.",
  },
  "canned.dateOnlyInNotice": { fr: "{date} n'est remplacé que dans un avis de délai (la date promise).", en: "{date} is only replaced in a delay notice (the promised date)." },
  "apiKey.name": { fr: "Nommez la clé d'après ce qui l'utilise (3 à 80 caractères), p. ex. « Téléphonie — file des candidats ».", en: "Name the key after what uses it (3 to 80 characters), e.g. \"Telephony — candidates' line\"." },
  "apiKey.expiry": { fr: "Choisissez une date d'expiration après aujourd'hui et au plus dans deux ans.", en: "Choose an expiry date after today and at most two years away." },
  "staff.organization": { fr: "Choisissez l'organisation de ce pilote.", en: "Choose this pilot's organization." },
  "viewName.length": { fr: "Nommez la vue en 60 caractères au plus.", en: "Name the view in 60 characters at most." },
  "bulk.none": { fr: "Cochez au moins une requête dans la file.", en: "Tick at least one request in the queue." },
  "bulk.tooMany": { fr: "Cochez au plus 100 requêtes à la fois.", en: "Tick at most 100 requests at a time." },
  "promisedDate.required": {
    fr: "Un avis de délai indique la date à laquelle la réponse sera donnée : choisissez-la.",
    en: "A delay notice states the date by which the answer will be given: choose it.",
  },
  "requestNumber.invalid": {
    fr: "Inscrivez un numéro de requête, p. ex. CAD-2026-000123.",
    en: "Enter a request number, e.g. CAD-2026-000123.",
  },
  "identityMethod.required": {
    fr: "Indiquez comment l'identité a été validée.",
    en: "State how the identity was validated.",
  },
  "identityNote.required": {
    fr: "Précisez comment l'identité a été validée.",
    en: "Describe how the identity was validated.",
  },
  "localDateTime.invalid": {
    fr: "Inscrivez une date et une heure valides, p. ex. 2026-11-25 10:02.",
    en: "Enter a valid date and time, e.g. 2026-11-25 10:02.",
  },
  "answeredAt.required": {
    fr: "Inscrivez l'heure à laquelle l'appel a été répondu.",
    en: "Enter the time the call was answered.",
  },
  "phone.invalid": {
    fr: "Inscrivez un numéro de téléphone valide, p. ex. 418 555-0123, poste 45.",
    en: "Enter a valid phone number, e.g. 418 555-0123, ext. 45.",
  },
  "contactRole.length": { fr: "Décrivez le rôle en 200 caractères au plus.", en: "Describe the role in 200 characters at most." },
  "contact.required": { fr: "Choisissez à qui faire suivre la requête.", en: "Choose whom to forward the request to." },
  "followUpDate.required": { fr: "Choisissez la date de relance.", en: "Choose the follow-up date." },
  "followUpDate.range": {
    fr: "La date de relance doit être après aujourd'hui, dans 90 jours au plus.",
    en: "The follow-up date must be after today, within 90 days.",
  },
  "reviewComment.required": {
    fr: "Dites à l'agent ce qui est à revoir (10 caractères au moins).",
    en: "Tell the agent what needs changing (10 characters at least).",
  },
  "contact.duplicate": { fr: "Ce service a déjà un intervenant à cette adresse.", en: "This service already has a contact at this address." },
  "retention.range": {
    fr: "Inscrivez un nombre de jours entre 30 et 3 650 (10 ans).",
    en: "Enter a number of days between 30 and 3,650 (10 years).",
  },
  "topic.invalid": { fr: "Choisissez le sujet de votre question.", en: "Choose what your question is about." },
  "month.invalid": { fr: "Choisissez un mois (AAAA-MM).", en: "Choose a month (YYYY-MM)." },
  "money.invalid": {
    fr: "Inscrivez un montant en dollars plus grand que zéro, p. ex. 195 ou 195,50.",
    en: "Enter an amount in dollars greater than zero, e.g. 195 or 195.50.",
  },
  "employees.range": { fr: "Inscrivez un nombre entier d'employés (0 à 1 000 000).", en: "Enter a whole number of employees (0 to 1,000,000)." },
  "lastMonth.beforeFirst": { fr: "Le dernier mois doit suivre le premier.", en: "The last month must come after the first." },
} as const;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

export function localizeValidationMessage(key: string): { fr: string; en: string } {
  return (VALIDATION_MESSAGES as Record<string, { fr: string; en: string }>)[key] ?? VALIDATION_MESSAGES["text.invalid"];
}
