# Renders module/en-US/JwtAuth.dll-Help.xml (MAML) from help_content.py: edit the content, then run: python3 tools/help/generate_maml.py
import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from help_content import CMDLETS
from xml.sax.saxutils import escape as e
out=['<?xml version="1.0" encoding="utf-8"?>','<helpItems schema="maml" xmlns="http://msh">']
for c in CMDLETS:
    x=[]
    x.append('<command:command xmlns:maml="http://schemas.microsoft.com/maml/2004/10" xmlns:command="http://schemas.microsoft.com/maml/dev/command/2004/10" xmlns:dev="http://schemas.microsoft.com/maml/dev/2004/10">')
    x.append('<command:details><command:name>%s</command:name><command:verb>%s</command:verb><command:noun>%s</command:noun><maml:description><maml:para>%s</maml:para></maml:description></command:details>'%(c['name'],c['verb'],c['noun'],e(c['synopsis'])))
    x.append('<maml:description>'+''.join('<maml:para>%s</maml:para>'%e(p) for p in c['description'])+'</maml:description>')
    def param(p):
        n,t,d,req,pos,pipe,default=p
        return ('<command:parameter required="%s" variableLength="true" globbing="%s" pipelineInput="%s" position="%s" aliases="none"><maml:name>%s</maml:name><maml:description><maml:para>%s</maml:para></maml:description><command:parameterValue required="true" variableLength="false">%s</command:parameterValue><dev:type><maml:name>%s</maml:name><maml:uri /></dev:type><dev:defaultValue>%s</dev:defaultValue></command:parameter>'
                %(str(req).lower(), 'true' if n=='Name' else 'false', e(pipe), pos, n, e(d), t, t, e(default)))
    x.append('<command:syntax><command:syntaxItem><maml:name>%s</maml:name>%s</command:syntaxItem></command:syntax>'%(c['name'],''.join(param(p) for p in c['params'])))
    x.append('<command:parameters>'+''.join(param(p) for p in c['params'])+'</command:parameters>')
    x.append('<command:inputTypes>'+''.join('<command:inputType><dev:type><maml:name>%s</maml:name></dev:type><maml:description><maml:para>%s</maml:para></maml:description></command:inputType>'%(e(a),e(b)) for a,b in c['inputs'])+'</command:inputTypes>')
    x.append('<command:returnValues>'+''.join('<command:returnValue><dev:type><maml:name>%s</maml:name></dev:type><maml:description><maml:para>%s</maml:para></maml:description></command:returnValue>'%(e(a),e(b)) for a,b in c['outputs'])+'</command:returnValues>')
    ex=[]
    for i,(title,code,remarks) in enumerate(c['examples'],1):
        ex.append('<command:example><maml:title>-------------------------- Example %d: %s --------------------------</maml:title><dev:code>%s</dev:code><dev:remarks><maml:para>%s</maml:para></dev:remarks></command:example>'%(i,e(title),e(code),e(remarks)))
    x.append('<command:examples>'+''.join(ex)+'</command:examples>')
    x.append('<command:relatedLinks>'+''.join('<maml:navigationLink><maml:linkText>%s</maml:linkText><maml:uri /></maml:navigationLink>'%l for l in c['links'])+'</command:relatedLinks>')
    x.append('</command:command>')
    out.append('\n'.join(x))
out.append('</helpItems>')
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'module', 'en-US', 'JwtAuth.dll-Help.xml'), 'w').write('\n'.join(out)+'\n')
