-- The canned reply « Demande nominative reçue par écrit : appelez-nous » no longer holds the phone
-- numbers and hours as text (they went stale when a manager edited the hours): {telephones} and
-- {heures} are filled from the catalogue in force. Only a row still equal to the text seeded
-- before is changed.
UPDATE "canned_reply" SET "body_fr" = 'Bonjour,

Votre message ({numero}) concerne votre propre dossier. Pour protéger vos renseignements personnels, nous ne traitons pas ces demandes par écrit : nous devons d''abord valider votre identité au téléphone.

Appelez le Centre d''assistance en dotation au {telephones}, {heures}.

Merci de votre compréhension.' WHERE "id" = 'cad-nominative-call-us' AND "body_fr" = 'Bonjour,

Votre message ({numero}) concerne votre propre dossier. Pour protéger vos renseignements personnels, nous ne traitons pas ces demandes par écrit : nous devons d''abord valider votre identité au téléphone.

Appelez le Centre d''assistance en dotation au 418 528-7157 ou, sans frais, au 1 866 672-3460, du lundi au vendredi de 8 h 30 à 12 h et de 13 h à 16 h 30 (le mercredi à partir de 10 h).

Merci de votre compréhension.';
UPDATE "canned_reply" SET "body_en" = 'Hello,

Your message ({numero}) is about your own file. To protect your personal information, we do not handle such requests in writing: we must first validate your identity by phone.

Call the staffing help centre at {telephones}, {heures}.

Thank you for your understanding.' WHERE "id" = 'cad-nominative-call-us' AND "body_en" = 'Hello,

Your message ({numero}) is about your own file. To protect your personal information, we do not handle such requests in writing: we must first validate your identity by phone.

Call the staffing help centre at 418 528-7157 or toll-free at 1 866 672-3460, Monday to Friday, 8:30 a.m. to noon and 1 p.m. to 4:30 p.m. (Wednesdays from 10 a.m.).

Thank you for your understanding.';
