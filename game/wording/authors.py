"""Every sentence a lab author may read about their files (validate, lint, preview), in French and in English.

Errors carry a message key and its values rather than a finished sentence, so `validate --lang en`
and the French default say the same thing, and a test can check that both languages know every key.
"""

from __future__ import annotations

from difflib import get_close_matches
from typing import Any, NamedTuple

LANGS = ("fr", "en")
LIST_MAX = 16  # known ids shown in a hint; beyond, the list hides the message

MESSAGES: dict[str, tuple[str, str]] = {
    # files and YAML syntax
    "file.missing": ("fichier ou dossier introuvable", "file or folder not found"),
    "file.unreadable": ("impossible de lire le fichier ({reason})", "cannot read the file ({reason})"),
    "file.too_large": ("fichier refusé : {size} Mo, au-delà de la limite de {limit} Mo pour un fichier de contenu",
                       "file refused: {size} MB, beyond the {limit} MB limit for a content file"),
    "file.not_utf8": ("le fichier n'est pas en UTF-8 (octet 0x{byte} illisible) : enregistrez-le avec l'encodage UTF-8",
                      "the file is not UTF-8 (unreadable byte 0x{byte}): save it with the UTF-8 encoding"),
    "file.empty": ("le fichier est vide", "the file is empty"),
    "file.special": ("ce n'est pas un fichier ordinaire (un tube, un périphérique) : donnez un fichier .yaml",
                     "this is not a regular file (a pipe, a device): give a .yaml file"),
    "file.bomb": ("fichier refusé : trop gros, ou des alias (*nom) qui se répètent les uns dans les autres à l'infini",
                  "file refused: too big, or aliases (*name) that repeat one another without end"),
    "file.neither": ("ce fichier n'est ni un deck (clé « deck: » en tête) ni un scénario (clé « scenario: » en tête)",
                     "this file is neither a deck (a `deck:` key at the top) nor a scenario (a `scenario:` key)"),
    "file.not_a_deck": ("ce fichier est un scénario : l'aperçu montre les cartes d'un deck (clé « deck: » en tête)",
                        "this file is a scenario: the preview shows the cards of a deck (a `deck:` key at the top)"),
    "yaml.other": ("erreur de syntaxe YAML : {problem}", "YAML syntax error: {problem}"),
    "yaml.control": ("caractère de contrôle invisible ({code}) : supprimez-le (il vient souvent d'un copier-coller)",
                     "invisible control character ({code}): remove it (it often comes from a copy and paste)"),
    "yaml.deep": ("listes et blocs imbriqués sur plus de {limit} niveaux : un deck n'en a besoin que de quelques-uns",
                  "lists and blocks nested more than {limit} levels deep: a deck needs only a few"),
    "yaml.recursive_alias": ("l'alias *{name} se contient lui-même : il ne finirait jamais",
                             "the alias *{name} contains itself: it would never end"),
    "yaml.big_number": ("nombre de {digits} chiffres : trop long pour être une valeur du jeu",
                        "a number of {digits} digits: too long to be a game value"),
    "yaml.long_text": ("texte de {length} caractères : au-delà de {limit}, il ne peut servir à rien dans le jeu ; "
                       "raccourcissez-le", "a text of {length} characters: beyond {limit} it can serve no purpose "
                       "in the game; shorten it"),
    "text.undrawable": ("caractère(s) que les polices du jeu ne savent pas afficher ({codes}) : ils seraient des "
                        "cases vides à l'écran et disparaîtraient du bilan ; remplacez-les (les polices couvrent "
                        "l'alphabet latin et ses accents, pas l'arabe, l'hébreu ni les émojis)",
                        "character(s) the game's fonts cannot draw ({codes}): they would be empty boxes on screen "
                        "and vanish from the sheet; replace them (the fonts cover the Latin alphabet and its "
                        "accents, not Arabic, Hebrew or emoji)"),
    "yaml.null_key": ("une clé vide (~ ou null) : donnez-lui un nom", "an empty key (~ or null): give it a name"),
    "yaml.tab": ("une tabulation sert d'indentation : YAML n'accepte que des espaces",
                 "a tab is used for indentation: YAML only accepts spaces"),
    "yaml.colon": ("erreur de syntaxe YAML : un « : » inattendu ; un texte qui contient « : » doit être mis entre "
                   "guillemets", "YAML syntax error: an unexpected `:`; a text containing `:` must be quoted"),
    "yaml.key_indent": ("erreur de syntaxe YAML : indentation incohérente : cette ligne n'est pas alignée avec les "
                        "clés de son bloc", "YAML syntax error: inconsistent indentation: this line is not aligned "
                        "with the keys of its block"),
    "yaml.item_indent": ("erreur de syntaxe YAML : indentation incohérente : cette ligne n'est pas alignée avec les "
                         "éléments « - » de sa liste", "YAML syntax error: inconsistent indentation: this line is "
                         "not aligned with the `-` items of its list"),
    "yaml.no_colon": ("erreur de syntaxe YAML : il manque un « : » après une clé, ou un texte sur plusieurs lignes "
                      "n'est pas entre guillemets", "YAML syntax error: a `:` is missing after a key, or a text on "
                      "several lines is not quoted"),
    "yaml.unclosed": ("erreur de syntaxe YAML : le fichier se termine alors qu'un guillemet, un crochet ou une "
                      "accolade n'est pas fermé", "YAML syntax error: the file ends while a quote, a bracket or a "
                      "brace is still open"),
    "yaml.bracket": ("erreur de syntaxe YAML : une liste entre crochets n'est pas fermée par « ] » (ou il manque une "
                     "virgule)", "YAML syntax error: a list in brackets is not closed by `]` (or a comma is missing)"),
    "yaml.brace": ("erreur de syntaxe YAML : un bloc entre accolades n'est pas fermé par « }} » (ou il manque une "
                   "virgule)", "YAML syntax error: a block in braces is not closed by `}}` (or a comma is missing)"),
    "yaml.alias": ("erreur de syntaxe YAML : cet alias (*nom) ne renvoie à aucune ancre (&nom) définie plus haut",
                   "YAML syntax error: this alias (*name) refers to no anchor (&name) defined above"),
    "yaml.start": ("erreur de syntaxe YAML : caractère inattendu en début de valeur ; mettez le texte entre guillemets",
                   "YAML syntax error: unexpected character at the start of a value; put the text in quotes"),
    "yaml.no_value": ("erreur de syntaxe YAML : une valeur manque ici ; une liste « [ » ou un bloc « {{ » ouvert plus "
                      "haut n'est peut-être pas fermé", "YAML syntax error: a value is missing here; a list `[` or a "
                      "block `{{` opened above may not be closed"),
    "yaml.escape": ("erreur de syntaxe YAML : entre guillemets doubles, « \\ » commence un code inconnu ; écrivez « \\\\ » "
                    "ou mettez le texte entre guillemets simples", "YAML syntax error: inside double quotes, `\\` starts "
                    "an unknown code; write `\\\\` or put the text in single quotes"),
    "yaml.dash": ("erreur de syntaxe YAML : un « - » inattendu ; une liste commence à la ligne suivant sa clé, chaque "
                  "élément en retrait", "YAML syntax error: an unexpected `-`; a list starts on the line after its key, "
                  "each item indented"),
    "yaml.tag": ("l'étiquette YAML « {tag} » n'est pas autorisée : un fichier de contenu ne contient que du texte, des "
                 "nombres, des listes et des blocs", "the YAML tag `{tag}` is not allowed: a content file holds only "
                 "text, numbers, lists and blocks"),
    "yaml.complex_key": ("une clé doit être un simple mot, pas une liste ni un bloc",
                         "a key must be a plain word, not a list or a block"),
    "yaml.duplicate": ("la clé « {key} » apparaît deux fois dans ce bloc (première fois ligne {first}) : gardez-en une "
                       "seule", "the key `{key}` appears twice in this block (first on line {first}): keep only one"),
    # fields, from pydantic's checks
    "field.missing": ("il manque le champ obligatoire « {field} »", "the required field `{field}` is missing"),
    "field.unknown": ("champ inconnu « {field} » (champs possibles ici : {known})",
                      "unknown field `{field}` (fields allowed here: {known})"),
    "field.unknown_near": ("champ inconnu « {field} » : vouliez-vous dire « {near} » ?",
                           "unknown field `{field}`: did you mean `{near}`?"),
    "field.top": ("champ inconnu « {field} » : un deck contient « deck » et « cards »",
                  "unknown field `{field}`: a deck holds `deck` and `cards`"),
    "kind.missing": ("il manque le champ « kind » (un de : {known})", "the `kind` field is missing (one of: {known})"),
    "kind.unknown": ("type de carte « {value} » inconnu : choisissez parmi {known}",
                     "unknown card kind `{value}`: choose among {known}"),
    "kind.unknown_near": ("type de carte « {value} » inconnu : vouliez-vous dire « {near} » ? (possibles : {known})",
                          "unknown card kind `{value}`: did you mean `{near}`? (allowed: {known})"),
    "value.text": ("« {field} » doit être un texte", "`{field}` must be a text"),
    "value.text_quote": ("« {field} » doit être un texte (true, false ou une valeur vide ne sont pas des textes : "
                         "mettez le texte entre guillemets)", "`{field}` must be a text (true, false or an empty "
                         "value are not texts: put the text in quotes)"),
    "value.text_long": ("« {field} » : {max} caractères au plus (ici {count}) ; raccourcissez", "`{field}`: at most "
                        "{max} characters (here {count}); shorten it"),
    "value.empty": ("« {field} » ne doit pas être vide", "`{field}` must not be empty"),
    "value.id": ("« {value} » n'est pas un identifiant valide : lettres minuscules sans accent, chiffres, tirets et "
                 "soulignés (ex. : tt-001)", "`{value}` is not a valid id: lowercase letters without accents, digits, "
                 "hyphens and underscores (e.g. tt-001)"),
    "value.id_near": ("« {value} » n'est pas un identifiant valide (lettres minuscules sans accent, chiffres, tirets "
                      "et soulignés) : écrivez « {near} »", "`{value}` is not a valid id (lowercase letters without "
                      "accents, digits, hyphens and underscores): write `{near}`"),
    "value.int": ("« {field} » doit être un nombre entier", "`{field}` must be a whole number"),
    "value.number": ("« {field} » doit être un nombre", "`{field}` must be a number"),
    "value.bool": ("« {field} » doit valoir true ou false", "`{field}` must be true or false"),
    "value.list": ("« {field} » doit être une liste (des lignes commençant par « - »)",
                   "`{field}` must be a list (lines starting with `-`)"),
    "value.block": ("« {field} » doit être un bloc de champs « clé: valeur »",
                    "`{field}` must be a block of `key: value` fields"),
    "value.choice": ("valeur « {value} » non prévue pour « {field} » : choisissez parmi {known}",
                     "value `{value}` is not allowed for `{field}`: choose among {known}"),
    "value.choice_near": ("valeur « {value} » non prévue pour « {field} » : vouliez-vous dire « {near} » ? "
                          "(possibles : {known})", "value `{value}` is not allowed for `{field}`: did you mean "
                          "`{near}`? (allowed: {known})"),
    "value.too_few": ("« {field} » doit contenir au moins {min} élément(s), il en a {count}",
                      "`{field}` must hold at least {min} item(s), it has {count}"),
    "value.too_many": ("« {field} » contient trop d'éléments : {max} au plus, il en a {count}",
                       "`{field}` holds too many items: {max} at most, it has {count}"),
    "value.gt": ("« {field} » doit être supérieur à {limit} (valeur : {value})",
                 "`{field}` must be greater than {limit} (value: {value})"),
    "value.ge": ("« {field} » doit être au moins égal à {limit} (valeur : {value})",
                 "`{field}` must be at least {limit} (value: {value})"),
    "value.lt": ("« {field} » doit être inférieur à {limit} (valeur : {value})",
                 "`{field}` must be less than {limit} (value: {value})"),
    "value.le": ("« {field} » doit être au plus égal à {limit} (valeur : {value})",
                 "`{field}` must be at most {limit} (value: {value})"),
    "value.other": ("« {field} » : valeur refusée ({reason})", "`{field}`: value refused ({reason})"),
    # rules inside one card or block (raised by the models)
    "question.no_correct": ("aucune réponse n'est marquée « correct: true » : il en faut au moins une",
                            "no answer is marked `correct: true`: at least one is needed"),
    "question.single_several": ("question à réponse unique avec {count} bonnes réponses : gardez-en une seule, ou "
                                "ajoutez « multiple: true » si l'équipe doit toutes les choisir",
                                "single-choice question with {count} right answers: keep only one, or add "
                                "`multiple: true` if the team must pick them all"),
    "question.multiple_one": ("« multiple: true » mais une seule bonne réponse : retirez « multiple » ou marquez les "
                              "autres bonnes réponses", "`multiple: true` but only one right answer: remove "
                              "`multiple` or mark the other right answers"),
    "condition.one": ("une condition teste une seule chose : « flag », « no_flag » ou « gauge »",
                      "a condition tests one thing: `flag`, `no_flag` or `gauge`"),
    "condition.gauge": ("une condition sur une jauge donne « gauge » avec « at_least » (au moins) ou « below » "
                        "(en dessous de), l'un des deux", "a gauge condition gives `gauge` with either `at_least` "
                        "or `below`"),
    "parcours.twice": ("l'identifiant « {id} » est déjà celui d'une autre étape ou issue de ce parcours",
                       "the id `{id}` is already another step's or outcome's in this parcours"),
    "parcours.nowhere": ("« {to} » n'est ni une étape ni une issue de ce parcours (connues : {known})",
                         "`{to}` is neither a step nor an outcome of this parcours (known: {known})"),
    "parcours.nowhere_near": ("« {to} » n'est ni une étape ni une issue de ce parcours : vouliez-vous dire "
                              "« {near} » ?", "`{to}` is neither a step nor an outcome of this parcours: did you "
                              "mean `{near}`?"),
    "parcours.flag": ("le drapeau « {flag} » n'est posé par aucune option de ce parcours (« sets ») : la condition ne "
                      "changerait jamais (posés : {known})", "no option of this parcours sets the flag `{flag}` "
                      "(`sets`): the condition would never change (set: {known})"),
    "parcours.flag_near": ("le drapeau « {flag} » n'est posé par aucune option de ce parcours : vouliez-vous dire "
                           "« {near} » ?", "no option of this parcours sets the flag `{flag}`: did you mean "
                           "`{near}`?"),
    "parcours.no_default": ("chaque route de « next » a une condition : si aucune ne tient, le parcours s'arrêterait "
                            "là ; terminez par une route sans « when »", "every route of `next` has a condition: "
                            "if none holds, the parcours would stop there; end with a route without `when`"),
    "parcours.unreached": ("aucun choix ne mène à l'étape « {id} » depuis la première étape : reliez-la par un "
                           "« next », ou retirez-la", "no choice leads to the step `{id}` from the first step: link "
                           "it with a `next`, or remove it"),
    "parcours.no_way_out": ("depuis l'étape « {id} », aucune suite de choix ne mène à une issue : le parcours "
                            "tournerait sans fin", "from the step `{id}`, no sequence of choices reaches an "
                            "outcome: the parcours would go round for ever"),
    "options.no_best": ("aucune option n'est notée « rating: best » : il en faut au moins une",
                        "no option is rated `rating: best`: at least one is needed"),
    "constraint.spelling": ("« {value} » : vouliez-vous dire la contrainte « {known} » ({label}) ? Toute autre "
                            "contrainte s'affiche telle qu'écrite",
                            "`{value}`: did you mean the constraint `{known}` ({label})? Any other constraint is "
                            "shown as written"),
    "teams.count": ("« teams » : de 1 à 6 équipes (ici {value}) : écrivez par exemple « teams: 3 », ou « teams: {{min: 2, max: 6}} »",
                    "`teams`: 1 to 6 teams (here {value}): write for example `teams: 3`, or `teams: {{min: 2, max: 6}}`"),
    "teams.form": ("« teams » attend un nombre d'équipes ou un bloc (ici « {value} ») : par exemple « teams: 3 », "
                   "ou « teams: {{min: 2, max: 6}} »",
                   "`teams` takes a number of teams or a block (here `{value}`): for example `teams: 3`, or "
                   "`teams: {{min: 2, max: 6}}`"),
    "minutes.count": ("« minutes » : une durée de plus de 0 et d'au plus 240 minutes (ici {value}) : par exemple « minutes: 15 », "
                      "ou « minutes: {{target: 15, max: 20}} »",
                      "`minutes`: a duration above 0 and at most 240 minutes (here {value}): for example `minutes: 15`, or "
                      "`minutes: {{target: 15, max: 20}}`"),
    "minutes.form": ("« minutes » attend une durée ou un bloc (ici « {value} ») : par exemple « minutes: 15 », "
                     "ou « minutes: {{target: 15, max: 20}} »",
                     "`minutes` takes a duration or a block (here `{value}`): for example `minutes: 15`, or "
                     "`minutes: {{target: 15, max: 20}}`"),
    "range.min_max": ("« min » ({min}) dépasse « max » ({max})", "`min` ({min}) is above `max` ({max})"),
    "minutes.order": ("la durée visée ({target} min) dépasse la durée maximale ({max} min)",
                      "the target duration ({target} min) is above the maximum ({max} min)"),
    "gauge.min_max": ("« min » ({min}) doit être inférieur à « max » ({max})", "`min` ({min}) must be below `max` ({max})"),
    "gauge.start": ("« start » ({start}) doit être entre min ({min}) et max ({max})",
                    "`start` ({start}) must be between min ({min}) and max ({max})"),
    "gauge.lost_below": ("la partie serait perdue dès le départ : start ({start}) est sous lose_below ({limit})",
                         "the game would be lost at once: start ({start}) is below lose_below ({limit})"),
    "gauge.lost_above": ("la partie serait perdue dès le départ : start ({start}) dépasse lose_above ({limit})",
                         "the game would be lost at once: start ({start}) is above lose_above ({limit})"),
    "scenario.solo_teams": ("un scénario « solo » se joue à un seul joueur : retirez « teams » ou mettez max: 1",
                            "a `solo` scenario is played alone: remove `teams` or set max: 1"),
    "scenario.gauges_needed": ("« win: gauges » demande au moins une jauge dans « gauges »",
                               "`win: gauges` needs at least one gauge in `gauges`"),
    "scenario.gauge_twice": ("jauge déclarée deux fois : {ids}", "gauge declared twice: {ids}"),
    # rules across cards and files
    "deck.cards": ("il faut une liste « cards » avec au moins une carte", "a `cards` list with at least one card is needed"),
    "deck.shadows": ("le deck « {id} » porte l'identifiant d'un autre deck ({where}) : choisissez-en un autre, ou "
                     "ajoutez « replaces: true » sous « deck: » pour le remplacer", "the deck `{id}` has the id of "
                     "another deck ({where}): choose another one, or add `replaces: true` under `deck:` to replace it"),
    "scenario.shadows": ("le scénario « {id} » porte l'identifiant d'un autre scénario ({where}) : choisissez-en un "
                         "autre, ou ajoutez « replaces: true » sous « scenario: » pour le remplacer", "the scenario "
                         "`{id}` has the id of another scenario ({where}): choose another one, or add `replaces: true` "
                         "under `scenario:` to replace it"),
    "deck.twice": ("le deck « {id} » est déjà défini dans {where}", "the deck `{id}` is already defined in {where}"),
    "scenario.twice": ("le scénario « {id} » est déjà défini dans {where}", "the scenario `{id}` is already defined in {where}"),
    "card.ids_copied": ("et {more} autres identifiants de cartes de ce fichier sont déjà pris dans {where} : s'il "
                        "en est une copie, donnez à vos cartes un préfixe à vous (par exemple « tto-001 »), ou "
                        "remplacez ce deck (« replaces: true » sous « deck: »)", "and {more} more card ids of this "
                        "file are already taken in {where}: if it is a copy, give your cards a prefix of your own "
                        "(for instance `tto-001`), or replace that deck (`replaces: true` under `deck:`)"),
    "card.id_twice": ("l'identifiant de carte « {id} » est déjà utilisé ({where}, ligne {line})",
                      "the card id `{id}` is already used ({where}, line {line})"),
    "card.aspect": ("l'aspect « {value} » n'est pas déclaré dans « deck.aspects » (déclarés : {known})",
                    "the aspect `{value}` is not declared in `deck.aspects` (declared: {known})"),
    "card.aspect_near": ("l'aspect « {value} » n'est pas déclaré dans « deck.aspects » : vouliez-vous dire « {near} » ? "
                         "(déclarés : {known})", "the aspect `{value}` is not declared in `deck.aspects`: did you "
                         "mean `{near}`? (declared: {known})"),
    "card.too_long": ("le texte ne tient pas sur la carte à l'écran (1280×720), même en petits caractères : "
                      "« {start}… » ; raccourcissez-le", "the text does not fit its card on screen (1280×720), even "
                      "in small type: “{start}…”; shorten it"),
    "card.too_long_dyslexia": ("avec la police OpenDyslexic (réglage d'accessibilité), le texte ne tient pas sur la "
                               "carte à l'écran (1280×720) : « {start}… » ; raccourcissez-le pour tous les lecteurs",
                               "with the OpenDyslexic font (an accessibility setting), the text does not fit its "
                               "card on screen (1280×720): “{start}…”; shorten it for every reader"),
    "scenario.side_high": ("le panneau de côté ne peut pas montrer {gauges} jauge(s) au-dessus de {teams} équipe(s) "
                           "à {size} en {font}, même en petits caractères (il manque {missing} pixels) : raccourcissez "
                           "les libellés des jauges, ou réduisez le nombre de jauges ou le maximum d'équipes",
                           "the side panel cannot show {gauges} gauge(s) above {teams} team(s) at {size} in {font}, even "
                           "in small type ({missing} pixels short): shorten the gauge labels, or lower the number of "
                           "gauges or the most teams"),
    "scenario.side_wide": ("la ligne d'une équipe ne peut pas montrer son nom, les {panorama} carrés du panorama et sa "
                           "réponse à {size} en {font}, même en petits caractères : le panorama compte trop d'aspects "
                           "(6 au plus)", "a team's row cannot show its name, the {panorama} squares of the panorama "
                           "and its answer at {size} in {font}, even in small type: the panorama has too many aspects "
                           "(6 at most)"),
    "image.outside": ("l'image doit se trouver dans le dossier du deck ou un de ses sous-dossiers",
                      "the image must be in the deck's folder or one of its subfolders"),
    "image.missing": ("image introuvable : {path} (chemin relatif au fichier du deck)",
                      "image not found: {path} (path relative to the deck file)"),
    "image.not_image": ("{path} n'est pas une image PNG, JPEG, GIF, WebP ou BMP",
                        "{path} is not a PNG, JPEG, GIF, WebP or BMP image"),
    "image.too_large": ("image trop lourde : {path} pèse {size} Mo, la limite est {limit} Mo ; réduisez-la",
                        "image too heavy: {path} weighs {size} MB, the limit is {limit} MB; shrink it"),
    "gauge.nowhere": ("la jauge « {gauge} » n'existe dans aucun scénario (jauges connues : {known})",
                      "the gauge `{gauge}` exists in no scenario (known gauges: {known})"),
    "gauge.nowhere_near": ("la jauge « {gauge} » n'existe dans aucun scénario : vouliez-vous dire « {near} » ? "
                           "(jauges connues : {known})", "the gauge `{gauge}` exists in no scenario: did you mean "
                           "`{near}`? (known gauges: {known})"),
    "gauge.not_in_scenario": ("la jauge « {gauge} » n'existe pas dans le scénario « {scenario} » qui tire cette carte "
                              "(jauges : {known})", "the gauge `{gauge}` does not exist in the scenario `{scenario}` "
                              "that draws this card (gauges: {known})"),
    "scenario.deck_missing": ("aucun deck « {id} » n'est chargé : vérifiez son id, ou donnez son fichier ou son "
                              "dossier (--decks) (decks connus : {known})", "no deck `{id}` is loaded: check its id, "
                              "or give its file or folder (--decks) (known decks: {known})"),
    "scenario.deck_missing_near": ("aucun deck « {id} » n'est chargé : vouliez-vous dire « {near} » ? "
                                   "(decks connus : {known})", "no deck `{id}` is loaded: did you mean `{near}`? "
                                   "(known decks: {known})"),
    # consequences of a file that could not be read: one note each, instead of false errors
    "unchecked.rest": ("vérification arrêtée à la ligne {line} : la suite du fichier ne peut être lue qu'une fois "
                       "cette erreur corrigée", "checking stopped at line {line}: the rest of the file can only be "
                       "read once this error is fixed"),
    "unchecked.deck": ("non vérifié : le deck « {id} » ({file}) n'a pas pu être lu, voir plus haut",
                       "not checked: the deck `{id}` ({file}) could not be read, see above"),
    "unchecked.deck_beside": ("non vérifié : le deck « {id} » ({file}) n'a pas pu être lu ; validez ce fichier pour "
                              "savoir pourquoi", "not checked: the deck `{id}` ({file}) could not be read; validate "
                              "that file to see why"),
    "unchecked.deck_file": ("non vérifié : le deck « {id} » est dans le fichier {file}, qui n'a pas pu être lu, "
                            "voir plus haut", "not checked: the deck `{id}` is in the file {file}, which could not be "
                            "read, see above"),
    "unchecked.deck_file_beside": ("non vérifié : le deck « {id} » est dans le fichier {file}, qui n'a pas pu être "
                                   "lu ; validez ce fichier pour savoir pourquoi", "not checked: the deck `{id}` is in "
                                   "the file {file}, which could not be read; validate that file to see why"),
    "unchecked.deck_cards": ("non joué : des cartes du deck « {id} » ({file}) sont refusées, voir plus haut",
                             "not played: cards of the deck `{id}` ({file}) are refused, see above"),
    "unchecked.deck_cards_beside": ("non joué : des cartes du deck « {id} » ({file}) sont refusées ; validez ce "
                                    "fichier pour les voir", "not played: cards of the deck `{id}` ({file}) are "
                                    "refused; validate that file to see them"),
    "unchecked.gauges": ("non vérifié : les jauges des effets, car le fichier {file} n'a pas pu être lu, voir plus "
                         "haut", "not checked: the gauges of the effects, since the file {file} could not be read, "
                         "see above"),
    "unchecked.gauges_beside": ("non vérifié : les jauges des effets, car le fichier {file} n'a pas pu être lu ; "
                                "validez ce fichier pour savoir pourquoi", "not checked: the gauges of the effects, "
                                "since the file {file} could not be read; validate that file to see why"),
    "scenario.aspect": ("aucun des decks du scénario n'a l'aspect « {value} » (aspects : {known})",
                        "none of the scenario's decks has the aspect `{value}` (aspects: {known})"),
    "scenario.count": ("ce tirage demande {count} cartes mais les decks n'en proposent que {available} de ce type",
                       "this draw asks for {count} cards but the decks only offer {available} of this kind"),
    "scenario.no_cards": ("aucune carte de ces decks ne correspond au tirage", "no card of these decks matches the draw"),
    "scenario.panorama": ("« win: panorama » demande des cartes « question » dans le tirage",
                          "`win: panorama` needs `question` cards in the draw"),
    # warnings from `lint`
    "lint.to_complete": ("explication à compléter : le fichier importé n'en avait pas ; écrivez pourquoi la bonne "
                         "réponse est la bonne", "explanation to complete: the imported file had none; write why the "
                         "right answer is right"),
    "lint.no_source": ("question sans source : indiquez d'où vient la réponse (texte, site, date)",
                       "question without a source: say where the answer comes from (text, site, date)"),
    "lint.long_prompt": ("énoncé long ({count} caractères, {limit} conseillés au plus) : il sera lu de loin",
                         "long prompt ({count} characters, {limit} advised at most): it is read from afar"),
    "lint.reshaped": ("« {written} » sans guillemets est lu comme un nombre, et s'affiche « {shown} » : "
                      "écrivez \"{written}\" entre guillemets pour garder ce qui est écrit",
                      "unquoted, `{written}` is read as a number and shows as `{shown}`: write \"{written}\" "
                      "in quotes to keep it as written"),
    "lint.thin_aspect": ("l'aspect « {aspect} » a moins de trois cartes ({count}) : trois au moins pour qu'il soit vraiment "
                         "abordé", "the aspect `{aspect}` has fewer than three cards ({count}): at least three so it is really "
                         "covered"),
    "lint.one_position": ("la bonne réponse (ou la meilleure option) est le choix {position} {count} fois sur {total} "
                          "(cartes et étapes) : le jeu mélange les choix à chaque partie, mais un relecteur, un export ou une "
                          "carte à l'ordre gardé (shuffle: false) la devine ; variez sa place",
                          "the right answer (or best option) is choice {position} {count} times out of {total} "
                          "(cards and steps): the "
                          "game shuffles choices every session, but a reviewer, an export or a card whose order is "
                          "kept (shuffle: false) gives it away; vary its place"),
    "lint.near_duplicate": ("énoncé presque identique à celui de la carte « {other} » ({where}, ligne {line})",
                            "prompt almost the same as card `{other}`'s ({where}, line {line})"),
}


class Message(NamedTuple):
    """A sentence not yet put into words: a key of MESSAGES and the values it names."""

    key: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self, lang: str = "fr") -> str:
        template = MESSAGES[self.key][LANGS.index(lang)]
        return template.format(**dict(self.values))

    def __str__(self) -> str:
        return self.text("fr")


def say(message_key: str, /, **values: Any) -> Message:
    """The message `key` with its values, written as text now so messages stay hashable and comparable."""
    if message_key not in MESSAGES:
        raise KeyError(f"no message {message_key!r}")
    return Message(message_key, tuple((name, _shown(value)) for name, value in values.items()))


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [str(v) for v in value]
        return ", ".join(items[:LIST_MAX]) + (", …" if len(items) > LIST_MAX else "") if items else "—"
    return str(value)


def nearest(value: Any, known: list[str] | tuple[str, ...]) -> str | None:
    """The known word closest to a misspelt one, when one is close enough to be a typo."""
    if not isinstance(value, str) or not known:
        return None
    found = get_close_matches(value.lower(), list(known), n=1, cutoff=0.7)
    return found[0] if found else None


def say_near(message_key: str, value: Any, known: list[str] | tuple[str, ...], /, **values: Any) -> Message:
    """`key`, or its `_near` variant with the closest known word when there is one."""
    near = nearest(value, known)
    if near is not None:
        return say(message_key + "_near", known=known, near=near, **values)
    return say(message_key, known=known, **values)
