# The built-in Russian grammar: the function words that rhetoric's rules look for.
# A lexicon may replace any class with its own @grammar section (see the package doc).
@lexicon grammar-ru
@language ru

@grammar clause-break
но
однако
хотя
зато
тогда как
тем не менее
впрочем

@grammar parenthetical
однако
впрочем
действительно
поэтому

# "не только угроза" is no negation; nor is "не отказывались от диалога" (a negated refusal),
# "никогда больше", "не ... который".
@grammar negation-canceller
только
лишь
просто
столько
снова
менее
сомнений
сомнения
альтернативы
~отрицать
~игнорировать
~забывать
~забыть
~отказываться
~отказаться
~отвергать
~отвергнуть
~противиться
что
который
которая
которое
которые
кто

@grammar negating-prefix
анти

@grammar adverb
*о
*е

@grammar participle
*нный
*нная
*нное
*нные
*тый
*тая
*тое
*тые
*ан
*ана
*ано
*аны
*ен
*ена
*ено
*ены

@grammar auxiliary
является
являются
был
была
было
были
будет
будут
должен
должна
должно
должны
может
могут
несет
несут

@grammar be-form
был
была
было
были
будет
будут
является
являются

@grammar object-glue
в
во
на
к
ко
с
со
по
для
от
из
против
о
об
над
так называемый
так называемая
так называемые
руками

@grammar own-side
мы
нас
нам
нами
наш
наша
наше
наши
нашего
нашей
нашим
наших
я
меня
мне
мной
мой
моя
мое
мои

@grammar accusation
обвин*
осужд*
осуд*
возлага*
возлож*
порица*
призыва*
призва*

@grammar relative-pronoun
который
которая
которое
которые
кто

@grammar victim-marker
против

@grammar agent-marker
руками

@grammar origin-marker
от
со стороны

@grammar fronted-preposition
несмотря
вопреки
в
во
с
без
после
для
во время
среди
на
от
против
согласно
по
кроме

@grammar imperative-skip
пожалуйста
так
теперь
и
тогда

@grammar imperative-not
спасибо
позвольте
разрешите

@grammar imperative-self
мне

@grammar reporting-verb
заявил
заявила
заявили
заявляет
заявляют
сказал
сказала
сказали
говорит
говорят
утверждает
утверждают
утверждал
утверждала
настаивает
настаивал
отметил
отметила
подчеркнул
подчеркнула

@grammar accusing-verb
обвинил
обвинила
обвинили
обвиняет
обвиняют

@grammar object-link
в
во
к
за

@grammar appeal-verb
призвал
призвала
призвали
призывает
призывают

@grammar anaphor
он
она
его
ее

@grammar according
по словам
по мнению
согласно

@grammar claim-noun
заявления
заявление
утверждения
утверждение
обвинения
ложь
миф
мифы

@grammar claim-opener
что
о
об

@grammar pre-verb
также
не
неоднократно
вновь
снова
уже

@grammar disputing
ложь
ложные
лживые
необоснованные
беспочвенные
абсурдные
миф
мифы
так называемые

@grammar coordinator
и
или

@grammar complementizer
что

@grammar clause-opener
как
когда
если
пока
поскольку

@grammar venue
оон
совет безопасности
совета безопасности
генеральная ассамблея
генеральной ассамблеи
генеральный секретарь

@grammar place-name
латинской америке
латинская америка
латинской америки
южной америке
южная америка
западный берег
западном берегу
западная сахара
западной сахаре
