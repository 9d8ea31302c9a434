@lexicon nested

@category EUROPE/EAST/RU
Россия
российск*
Москв*
Russia

@category EUROPE/EAST/UA
Украин*
Киев*
Kyiv

@category EUROPE/WEST/FR
France
French*
Paris

@category AMERICA
USA
United States
Washington
