@lexicon crlf

@category c  A description.
word = 2
# comment
  indented	
!gone
